package soc.web.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until a condition holds; a generous bound keeps a slow CI machine from failing a correct system. */
final class Await {
    static final Duration DEFAULT = Duration.ofSeconds(90);

    private Await() {
    }

    static <T> T until(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + DEFAULT.toSeconds() + " s waiting for " + what + "; last: " + last);
    }
}
