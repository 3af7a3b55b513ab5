package soc.detect.sigma;
public final class Prof { public static final long[] c = new long[16]; public static final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet(); }
