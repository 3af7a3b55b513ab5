/** Interleaved A/B of two builds of soc.detect.sigma in one JVM (separate class loaders): args dirA dirB classpath pairs; 4 s warm-up each, then alternating 1 s of thread CPU per side; prints per-pair and median B/A ratios. See build.sh. */
import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

public class AB {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    static long sink;
    static Object load(String dir, String deps) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(dir).toUri().toURL());
        for (String d : deps.split(":")) urls.add(Path.of(d).toUri().toURL());
        URLClassLoader l = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return l.loadClass("soc.detect.sigma.ABHook").getConstructor().newInstance();
    }
    static double burst(Object h, Method pass, int events, long cpuNanos) throws Exception {
        long cpu0 = T.getCurrentThreadCpuTime();
        long n = 0;
        long cpu;
        while ((cpu = T.getCurrentThreadCpuTime() - cpu0) < cpuNanos) {
            sink += (long) pass.invoke(h);
            n += events;
        }
        return n * 1e9 / cpu;
    }
    public static void main(String[] a) throws Exception {
        String deps = a[2];
        int rounds = Integer.parseInt(a[3]);
        Object A = load(a[0], deps), B = load(a[1], deps);
        Method pa = A.getClass().getMethod("pass"), pb = B.getClass().getMethod("pass");
        int ea = (int) A.getClass().getMethod("events").invoke(A), eb = (int) B.getClass().getMethod("events").invoke(B);
        long ma = (long) pa.invoke(A), mb = (long) pb.invoke(B);
        System.out.printf("events %d/%d matches per pass A %d B %d%n", ea, eb, ma, mb);
        for (int w = 0; w < 4; w++) { burst(A, pa, ea, 1_000_000_000L); burst(B, pb, eb, 1_000_000_000L); }
        double[] ra = new double[rounds], rb = new double[rounds], ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if ((r & 1) == 0) { ra[r] = burst(A, pa, ea, 1_000_000_000L); rb[r] = burst(B, pb, eb, 1_000_000_000L); }
            else { rb[r] = burst(B, pb, eb, 1_000_000_000L); ra[r] = burst(A, pa, ea, 1_000_000_000L); }
            ratio[r] = rb[r] / ra[r];
            System.out.printf("  round %d A %,.0f B %,.0f ratio %.2f load %.2f%n", r, ra[r], rb[r], ratio[r],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        Arrays.sort(ra); Arrays.sort(rb); Arrays.sort(ratio);
        System.out.printf("A median %,.0f max %,.0f | B median %,.0f max %,.0f | ratio median %.2f (q1 %.2f q3 %.2f)%n",
                ra[rounds/2], ra[rounds-1], rb[rounds/2], rb[rounds-1], ratio[rounds/2], ratio[rounds/4], ratio[3*rounds/4]);
    }
}
