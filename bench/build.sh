# Sourced by the bench scripts: builds Wharf's jar and the benchmarks' classes (mvn package, tests skipped) when
# either is missing or older than a source, and names them. BENCH_MVN_ARGS is passed to mvn (e.g. -Dmaven.repo.local=…).
root="${root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
jar="$root/bootstrap/target/wharf.jar"
bench_jar="$root/bench/target/wharf-bench.jar"
# The class path for the benchmarks' Java: Wharf's jar (its classes and every library) and the benchmarks' own.
bench_cp="$jar:$bench_jar"

bench_stale() {
  [ -f "$jar" ] && [ -f "$bench_jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root"/{domain,application,adapters,bootstrap,bench}/pom.xml \
            "$root"/{domain,application,adapters,bootstrap,bench}/src/main \
            -newer "$bench_jar" -type f -print -quit 2>/dev/null)" ] && return 0
  [ -n "$(find "$root"/{domain,application,adapters,bootstrap}/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

ensure_built() {
  if bench_stale; then
    echo "bench: building $jar and $bench_jar (mvn package, tests skipped)" >&2
    (cd "$root" && mvn -B -q ${BENCH_MVN_ARGS:-} -DskipTests package) >&2
  fi
}
