#!/bin/bash
# Interleaved A/B of the Sigma engine (SigmaEngine.match, pre-filtered): see docs/benchmarks.md "# Detection".
#   bench/detect-ab/build.sh <side> <outdir>
#     <side>: a commit (HEAD, 57076f3, ...): its soc.detect.sigma sources via `git archive`; or "worktree": the
#     checkout as it is. Compiles soc.detect.sigma (main) + the test helpers Corpus/EvtxJsonAdapter + ABHook into
#     <outdir>, AB.java into <outdir>/.., and writes the runtime classpath to <outdir>/../deps.
#   java -Xmx2g -XX:+UseParallelGC -Dsoc.corpus.dir=/work/shared/corpus -cp <outdir>/.. AB <dirA> <dirB> "$(cat deps)" 16
# (soc-events must be installed: ./mvnw -B -o -q install -DskipTests -pl soc-events)
set -euo pipefail
SIDE=$1; OUT=$(realpath -m "$2")
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
PARENT=$(dirname "$OUT")
mkdir -p "$PARENT"
[ -s "$PARENT/deps" ] || (cd "$ROOT" && ./mvnw -q -o -pl soc-detect dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$PARENT/deps")
if [ "$SIDE" = worktree ]; then
  SRC=$ROOT
else
  SRC=$(mktemp -d); trap 'rm -rf "$SRC"' EXIT
  (cd "$ROOT" && git archive "$SIDE" soc-detect/src/main/java/soc/detect/sigma \
      soc-detect/src/test/java/soc/detect/sigma/Corpus.java \
      soc-detect/src/test/java/soc/detect/sigma/EvtxJsonAdapter.java) | tar -x -C "$SRC"
fi
rm -rf "$OUT"; mkdir -p "$OUT"
T=$SRC/soc-detect/src/test/java/soc/detect/sigma
javac -nowarn -d "$OUT" -cp "$(cat "$PARENT/deps")" "$SRC"/soc-detect/src/main/java/soc/detect/sigma/*.java \
    "$T/Corpus.java" "$T/EvtxJsonAdapter.java" "$HERE/ABHook.java" 2>&1 | { grep -v '^Note' || true; }
javac -d "$PARENT" "$HERE/AB.java"
echo "built $SIDE into $OUT"
