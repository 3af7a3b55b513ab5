package soc.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * One test per value modifier and detection form (examples from the Sigma specification and its modifiers
 * appendix). Rules use a product without mapping entries, so Sigma field names are the event keys.
 */
class SigmaModifierTest {

    /** Compiles one rule with the given detection body (YAML, indented 4) and answers whether it matches. */
    static boolean matches(String detection, Map<String, Object> event) {
        return matches(detection, event, SigmaEngine.builder());
    }

    static boolean matches(String detection, Map<String, Object> event, SigmaEngine.Builder builder) {
        String yaml = "title: t\nid: r1\nauthor: tester\nlogsource:\n    product: testprod\ndetection:\n" + detection;
        SigmaEngine engine = builder.addYaml(yaml, "test.yml").build();
        assertThat(engine.loadReport().failures()).as("compile failures").isEmpty();
        return engine.matches(engine.rule("r1"), event);
    }

    static Map<String, Object> ev(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static SigmaException compileError(String detection) {
        String yaml = "title: t\nid: r1\nlogsource:\n    product: testprod\ndetection:\n" + detection;
        SigmaEngine.Builder b = SigmaEngine.builder();
        SigmaDocument doc = new SigmaParser().parse(yaml, "bad.yml").get(0);
        try {
            b.add(doc);
        } catch (SigmaException e) {
            return e;
        }
        throw new AssertionError("expected a compile error");
    }

    @Test
    void plainValuesAreCaseInsensitiveExactMatches() {
        String d = "    sel:\n        Image: 'C:\\Windows\\System32\\whoami.exe'\n    condition: sel\n";
        assertThat(matches(d, ev("Image", "c:\\windows\\system32\\WHOAMI.EXE"))).isTrue();
        assertThat(matches(d, ev("Image", "c:\\windows\\system32\\whoami.exe2"))).isFalse();
        assertThat(matches(d, ev("Other", "x"))).isFalse();
    }

    @Test
    void wildcardsAndEscapes() {
        assertThat(matches("    sel:\n        F: 'prog?.exe'\n    condition: sel\n", ev("F", "progA.exe"))).isTrue();
        assertThat(matches("    sel:\n        F: 'prog?.exe'\n    condition: sel\n", ev("F", "prog.exe"))).isFalse();
        assertThat(matches("    sel:\n        F: 'antivirus_V*.exe'\n    condition: sel\n",
                ev("F", "antivirus_V21.2.1.exe"))).isTrue();
        assertThat(matches("    sel:\n        F: 'a*b*c'\n    condition: sel\n", ev("F", "aXXbYYc"))).isTrue();
        assertThat(matches("    sel:\n        F: 'a*b*c'\n    condition: sel\n", ev("F", "aXXcYYb"))).isFalse();
        // \* is a literal star, \\* a backslash followed by a wildcard, \\\* backslash + literal star
        assertThat(matches("    sel:\n        F: 'a\\*b'\n    condition: sel\n", ev("F", "a*b"))).isTrue();
        assertThat(matches("    sel:\n        F: 'a\\*b'\n    condition: sel\n", ev("F", "aXb"))).isFalse();
        assertThat(matches("    sel:\n        F: 'a\\\\*'\n    condition: sel\n", ev("F", "a\\anything"))).isTrue();
        assertThat(matches("    sel:\n        F: 'a\\\\\\*'\n    condition: sel\n", ev("F", "a\\*"))).isTrue();
        assertThat(matches("    sel:\n        F: 'a\\\\\\*'\n    condition: sel\n", ev("F", "a\\x"))).isFalse();
        // a plain backslash not before a wildcard stays a backslash
        assertThat(matches("    sel:\n        F: 'C:\\Temp'\n    condition: sel\n", ev("F", "c:\\temp"))).isTrue();
    }

    @Test
    void containsStartswithEndswith() {
        assertThat(matches("    sel:\n        F|contains: 'mimi'\n    condition: sel\n", ev("F", "xxMIMIxx"))).isTrue();
        assertThat(matches("    sel:\n        F|startswith: 'adm'\n    condition: sel\n", ev("F", "Admin"))).isTrue();
        assertThat(matches("    sel:\n        F|startswith: 'adm'\n    condition: sel\n", ev("F", "xadm"))).isFalse();
        assertThat(matches("    sel:\n        F|endswith: '\\cmd.exe'\n    condition: sel\n",
                ev("F", "C:\\Windows\\CMD.exe"))).isTrue();
        assertThat(matches("    sel:\n        F|endswith: '\\cmd.exe'\n    condition: sel\n",
                ev("F", "C:\\Windows\\cmd.exe.bak"))).isFalse();
        // contains with inner wildcard
        assertThat(matches("    sel:\n        F|contains: 'a*z'\n    condition: sel\n", ev("F", "xxaMMzxx"))).isTrue();
    }

    @Test
    void listsAreOrAndAllMakesThemAnd() {
        String or = "    sel:\n        F|contains:\n            - 'one'\n            - 'two'\n    condition: sel\n";
        assertThat(matches(or, ev("F", "has two"))).isTrue();
        assertThat(matches(or, ev("F", "nothing"))).isFalse();
        String all = "    sel:\n        F|contains|all:\n            - 'one'\n            - 'two'\n    condition: sel\n";
        assertThat(matches(all, ev("F", "two and one"))).isTrue();
        assertThat(matches(all, ev("F", "only one"))).isFalse();
        // many exact values (hash set path)
        String many = "    sel:\n        EventID:\n            - 4624\n            - 4625\n            - 4634\n"
                + "            - 4647\n    condition: sel\n";
        assertThat(matches(many, ev("EventID", "4634"))).isTrue();
        assertThat(matches(many, ev("EventID", 4647))).isTrue();
        assertThat(matches(many, ev("EventID", "4688"))).isFalse();
    }

    @Test
    void mapsAreAndListsOfMapsAreOr() {
        String map = "    sel:\n        A: 'x'\n        B: 'y'\n    condition: sel\n";
        assertThat(matches(map, ev("A", "x", "B", "y"))).isTrue();
        assertThat(matches(map, ev("A", "x", "B", "z"))).isFalse();
        String listOfMaps = "    sel:\n        - Image|endswith: '\\example.exe'\n"
                + "        - Description|contains: 'Test executable'\n    condition: sel\n";
        assertThat(matches(listOfMaps, ev("Description", "A test executable!"))).isTrue();
        assertThat(matches(listOfMaps, ev("Image", "c:\\example.exe"))).isTrue();
        assertThat(matches(listOfMaps, ev("Image", "c:\\other.exe"))).isFalse();
    }

    @Test
    void numbersAndMultiValuedFieldsCompareAsText() {
        String d = "    sel:\n        EventID: 4688\n    condition: sel\n";
        assertThat(matches(d, ev("EventID", "4688"))).isTrue();
        assertThat(matches(d, ev("EventID", 4688))).isTrue();
        assertThat(matches(d, ev("EventID", 4688.0))).isTrue();
        assertThat(matches("    sel:\n        Tags: 'b'\n    condition: sel\n", ev("Tags", List.of("a", "B"))))
                .isTrue();
        // hex-looking YAML values stay text
        assertThat(matches("    sel:\n        T: 0x17\n    condition: sel\n", ev("T", "0x17"))).isTrue();
    }

    @Test
    void casedMatchesCaseSensitively() {
        String d = "    sel:\n        F|cased: 'CamelCase'\n    condition: sel\n";
        assertThat(matches(d, ev("F", "CamelCase"))).isTrue();
        assertThat(matches(d, ev("F", "camelcase"))).isFalse();
        String c = "    sel:\n        F|contains|cased: 'ABC'\n    condition: sel\n";
        assertThat(matches(c, ev("F", "xxABCxx"))).isTrue();
        assertThat(matches(c, ev("F", "xxabcxx"))).isFalse();
    }

    @Test
    void regularExpressionsWithFlags() {
        String re = "    sel:\n        F|re: '^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$'\n    condition: sel\n";
        assertThat(matches(re, ev("F", "C:\\Users\\bob\\NTUSER.DAT"))).isTrue();
        assertThat(matches(re, ev("F", "C:\\Users\\bob\\ntuser.dat"))).as("case-sensitive by default").isFalse();
        String ri = "    sel:\n        F|re|i: '^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$'\n    condition: sel\n";
        assertThat(matches(ri, ev("F", "c:\\users\\bob\\ntuser.dat"))).isTrue();
        // unanchored search
        assertThat(matches("    sel:\n        F|re: 'b+c'\n    condition: sel\n", ev("F", "abbbcd"))).isTrue();
        String m = "    sel:\n        F|re|m: '^second$'\n    condition: sel\n";
        assertThat(matches(m, ev("F", "first\nsecond\nthird"))).isTrue();
        assertThat(matches("    sel:\n        F|re: '^second$'\n    condition: sel\n", ev("F", "first\nsecond")))
                .isFalse();
        String s = "    sel:\n        F|re|s: 'a.b'\n    condition: sel\n";
        assertThat(matches(s, ev("F", "a\nb"))).isTrue();
        assertThat(matches("    sel:\n        F|re: 'a.b'\n    condition: sel\n", ev("F", "a\nb"))).isFalse();
        // the required-literal gate in front of find(): inline (?i) and mixed-case literals still match
        String obf = "    sel:\n        F|re: '(?i)\\w+`(?:\\w+|-|.)`[\\w+|\\s]'\n    condition: sel\n";
        assertThat(matches(obf, ev("F", "IN`V`o`Ke-eXp`ResSIOn"))).isTrue();
        assertThat(matches(obf, ev("F", "Invoke-Expression"))).isFalse();
        assertThat(matches("    sel:\n        F|re: 'NTUSER\\.DAT'\n    condition: sel\n", ev("F", "x\\NTUSER.DAT")))
                .isTrue();
    }

    @Test
    void cidrIpv4AndIpv6() {
        String d = "    sel:\n        DestinationIp|cidr:\n            - '10.0.0.0/8'\n            - '192.168.1.0/24'\n"
                + "            - 'fe80::/10'\n            - '2001:db8::/32'\n    condition: sel\n";
        assertThat(matches(d, ev("DestinationIp", "10.20.30.40"))).isTrue();
        assertThat(matches(d, ev("DestinationIp", "192.168.1.255"))).isTrue();
        assertThat(matches(d, ev("DestinationIp", "192.168.2.1"))).isFalse();
        assertThat(matches(d, ev("DestinationIp", "fe80::1%eth0"))).isTrue();
        assertThat(matches(d, ev("DestinationIp", "2001:0db8:0:0::42"))).isTrue();
        assertThat(matches(d, ev("DestinationIp", "2001:db9::1"))).isFalse();
        assertThat(matches(d, ev("DestinationIp", "::ffff:10.1.2.3"))).as("IPv4-mapped").isTrue();
        assertThat(matches(d, ev("DestinationIp", "not-an-ip"))).isFalse();
        assertThat(compileError("    sel:\n        Ip|cidr: '10.0.0.0/33'\n    condition: sel\n").kind())
                .isEqualTo(SigmaException.Kind.VALUE);
    }

    @Test
    void base64AndBase64offset() {
        String b64 = Base64.getEncoder().encodeToString("http://evil".getBytes(StandardCharsets.UTF_8));
        assertThat(matches("    sel:\n        F|base64: 'http://evil'\n    condition: sel\n", ev("F", b64))).isTrue();
        assertThat(matches("    sel:\n        F|base64|contains: 'http://'\n    condition: sel\n",
                ev("F", "xx" + Base64.getEncoder().encodeToString("http://".getBytes()) + "yy"))).isTrue();
        // base64offset finds the value at any byte offset of an encoded string
        String d = "    sel:\n        F|base64offset|contains: 'Invoke-Mimikatz'\n    condition: sel\n";
        for (String prefix : List.of("", "a", "ab", "abc", "abcd")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + "Invoke-Mimikatz -DumpCreds")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(matches(d, ev("F", "powershell -enc " + encoded))).as("offset " + prefix.length()).isTrue();
        }
        String other = Base64.getEncoder().encodeToString("Invoke-Something".getBytes());
        assertThat(matches(d, ev("F", other))).isFalse();
        assertThat(SigmaCompiler.base64offset("/bin/bash".getBytes())).containsExactly("L2Jpbi9iYXNo",
                "9iaW4vYmFza", "vYmluL2Jhc2");
    }

    @Test
    void utf16EncodingsWithBase64() {
        String wide = Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_16LE));
        assertThat(matches("    sel:\n        F|wide|base64: 'ping'\n    condition: sel\n", ev("F", wide))).isTrue();
        assertThat(matches("    sel:\n        F|utf16le|base64: 'ping'\n    condition: sel\n", ev("F", wide)))
                .isTrue();
        String be = Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_16BE));
        assertThat(matches("    sel:\n        F|utf16be|base64: 'ping'\n    condition: sel\n", ev("F", be)))
                .isTrue();
        byte[] le = "ping".getBytes(StandardCharsets.UTF_16LE);
        byte[] bom = new byte[le.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, bom, 2, le.length);
        assertThat(matches("    sel:\n        F|utf16|base64: 'ping'\n    condition: sel\n",
                ev("F", Base64.getEncoder().encodeToString(bom)))).isTrue();
        String enc = Base64.getEncoder().encodeToString("IEX (New-Object Net.WebClient)".getBytes(
                StandardCharsets.UTF_16LE));
        assertThat(matches("    sel:\n        F|wide|base64offset|contains: 'New-Object'\n    condition: sel\n",
                ev("F", "powershell -e " + enc))).isTrue();
    }

    @Test
    void windashCoversAllDashes() {
        String d = "    sel:\n        CommandLine|contains|windash: ' -enc '\n    condition: sel\n";
        for (String dash : List.of("-", "/", "\u2013", "\u2014", "\u2015")) {
            assertThat(matches(d, ev("CommandLine", "powershell " + dash + "enc abc"))).as(dash).isTrue();
        }
        assertThat(matches(d, ev("CommandLine", "powershell +enc abc"))).isFalse();
        // only dashes that start a word are permuted
        assertThat(SigmaCompiler.windash("a-b -c", null, 0, "k")).containsExactly("a-b -c", "a-b /c",
                "a-b \u2013c", "a-b \u2014c", "a-b \u2015c");
    }

    @Test
    void existsAndNull() {
        String exists = "    sel:\n        EventID: 4738\n        PasswordLastSet|exists: true\n    condition: sel\n";
        assertThat(matches(exists, ev("EventID", "4738", "PasswordLastSet", ""))).isTrue();
        assertThat(matches(exists, ev("EventID", "4738"))).isFalse();
        String notExists = "    sel:\n        F|exists: false\n    condition: sel\n";
        assertThat(matches(notExists, ev("G", "x"))).isTrue();
        assertThat(matches(notExists, ev("F", "x"))).isFalse();
        String nul = "    selection:\n        EventID: 4738\n    filter:\n        PasswordLastSet: null\n"
                + "    condition: selection and not filter\n";
        assertThat(matches(nul, ev("EventID", "4738", "PasswordLastSet", "%%1794"))).isTrue();
        assertThat(matches(nul, ev("EventID", "4738"))).isFalse();
        String empty = "    sel:\n        F: ''\n    condition: sel\n";
        assertThat(matches(empty, ev("F", ""))).isTrue();
        assertThat(matches(empty, ev("G", ""))).isFalse();
    }

    @Test
    void numericComparisons() {
        assertThat(matches("    sel:\n        N|lt: 10\n    condition: sel\n", ev("N", 9))).isTrue();
        assertThat(matches("    sel:\n        N|lt: 10\n    condition: sel\n", ev("N", "10"))).isFalse();
        assertThat(matches("    sel:\n        N|lte: 10\n    condition: sel\n", ev("N", "10"))).isTrue();
        assertThat(matches("    sel:\n        N|gt: 10\n    condition: sel\n", ev("N", 10.5))).isTrue();
        assertThat(matches("    sel:\n        N|gte: 10\n    condition: sel\n", ev("N", "9"))).isFalse();
        assertThat(matches("    sel:\n        N|gte: 10\n    condition: sel\n", ev("N", "abc"))).isFalse();
        assertThat(compileError("    sel:\n        N|gt: ten\n    condition: sel\n").kind())
                .isEqualTo(SigmaException.Kind.VALUE);
    }

    @Test
    void neqNegatesTheValues() {
        String d = "    sel:\n        User|neq:\n            - 'admin'\n            - 'root'\n    condition: sel\n";
        assertThat(matches(d, ev("User", "bob"))).isTrue();
        assertThat(matches(d, ev("User", "ROOT"))).isFalse();
    }

    @Test
    void timeModifiersExtractDateParts() {
        String d = "    sel:\n        '@timestamp|hour|gte': 22\n    condition: sel\n";
        assertThat(matches(d, ev("@timestamp", "2026-01-02T23:10:00Z"))).isTrue();
        assertThat(matches(d, ev("@timestamp", "2026-01-02T08:10:00Z"))).isFalse();
        assertThat(matches("    sel:\n        UtcTime|month: 11\n    condition: sel\n",
                ev("UtcTime", "2025-11-27 07:40:10.132"))).isTrue();
    }

    @Test
    void fieldrefComparesTwoFields() {
        String d = "    sel:\n        TargetFilename|fieldref: Image\n    condition: sel\n";
        assertThat(matches(d, ev("TargetFilename", "C:\\a.exe", "Image", "c:\\A.EXE"))).isTrue();
        assertThat(matches(d, ev("TargetFilename", "C:\\a.exe", "Image", "c:\\b.exe"))).isFalse();
        assertThat(matches(d, ev("TargetFilename", "C:\\a.exe"))).isFalse();
        String c = "    sel:\n        CommandLine|fieldref|contains: User\n    condition: sel\n";
        assertThat(matches(c, ev("CommandLine", "runas bob", "User", "BOB"))).isTrue();
    }

    @Test
    void expandUsesPlaceholdersAndUnresolvedNeverMatches() {
        String d = "    sel:\n        Computer|expand: '%DomainControllers%'\n    condition: sel\n";
        SigmaEngine.Builder b = SigmaEngine.builder().placeholder("DomainControllers", List.of("dc1", "dc-*"));
        assertThat(matches(d, ev("Computer", "DC1"), b)).isTrue();
        b = SigmaEngine.builder().placeholder("DomainControllers", List.of("dc1", "dc-*"));
        assertThat(matches(d, ev("Computer", "dc-paris"), b)).isTrue();
        b = SigmaEngine.builder().placeholder("DomainControllers", List.of("dc1", "dc-*"));
        assertThat(matches(d, ev("Computer", "ws1"), b)).isFalse();
        SigmaEngine unresolved = SigmaEngine.builder().addYaml("title: t\nid: r1\nlogsource:\n    product: x\n"
                + "detection:\n" + d, "t.yml").build();
        assertThat(unresolved.matches(unresolved.rule("r1"), ev("Computer", "%DomainControllers%"))).isFalse();
        assertThat(unresolved.loadReport().warnings()).anyMatch(w -> w.contains("unresolved placeholder"));
        // escaped percent is literal, and without expand the value is literal
        assertThat(matches("    sel:\n        F: '%name%'\n    condition: sel\n", ev("F", "%NAME%"))).isTrue();
    }

    @Test
    void keywordsSearchAllValues() {
        String d = "    keywords:\n        - 'event::clear'\n        - 'event::drop'\n    condition: keywords\n";
        assertThat(matches(d, ev("message", "mimikatz # EVENT::CLEAR done"))).isTrue();
        assertThat(matches(d, ev("winlog.event_data.CommandLine", "x event::drop y"))).isTrue();
        assertThat(matches(d, ev("message", "nothing"))).isFalse();
        assertThat(matches(d, ev("event.original", "event::clear"))).as("event.original is not searched")
                .isFalse();
        String all = "    keywords_cmdlet:\n        '|all':\n            - 'OabVirtualDirectory'\n"
                + "            - ' -ExternalUrl '\n    condition: keywords_cmdlet\n";
        assertThat(matches(all, ev("message", "Set-OabVirtualDirectory -ExternalUrl http://x"))).isTrue();
        assertThat(matches(all, ev("message", "Set-OabVirtualDirectory"))).isFalse();
        assertThat(matches(all, ev("a", "OabVirtualDirectory", "b", "x -ExternalUrl y"))).isTrue();
    }

    @Test
    void unknownModifierIsRejectedWithLine() {
        SigmaException e = compileError("    sel:\n        Image|foo: 'x'\n    condition: sel\n");
        assertThat(e.kind()).isEqualTo(SigmaException.Kind.MODIFIER);
        assertThat(e.getMessage()).contains("bad.yml:7").contains("unknown modifier 'foo'");
        assertThat(compileError("    sel:\n        F|re: '(unclosed'\n    condition: sel\n").kind())
                .isEqualTo(SigmaException.Kind.VALUE);
    }
}
