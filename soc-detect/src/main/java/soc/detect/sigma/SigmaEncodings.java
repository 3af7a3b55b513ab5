package soc.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Value encodings of Sigma modifiers that both the streaming matcher and the retro-hunt query translator need, so
 * that the two agree byte for byte on what a rule looks for.
 */
public final class SigmaEncodings {
    private SigmaEncodings() {
    }

    /** pySigma's base64offset: the three encodings of the value shifted by 0..2 bytes, stripped of unstable ends. */
    public static List<String> base64offset(byte[] value) {
        int[] start = {0, 2, 3};
        int[] endTrim = {0, 3, 2};
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[value.length + i];
            Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(value, 0, shifted, i, value.length);
            String enc = Base64.getEncoder().encodeToString(shifted);
            int end = enc.length() - endTrim[(value.length + i) % 3];
            out.add(enc.substring(start[i], Math.max(start[i], end)));
        }
        return out;
    }
}
