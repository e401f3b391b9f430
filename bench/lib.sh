# Sourced by the bench/ scripts: builds Vigil and its test classes (where the benchmark harnesses
# live, outside the product jar) and sets `root`, `java` (the JDK ./vigil runs on, 21 or newer)
# and `cp` (the jar and the harnesses).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/vigil" --version >/dev/null                      # builds target/vigil.jar if needed
(cd "$root" && ./vigil jdk ./mvnw -q -B test-compile >/dev/null)
java=("$root/vigil" jdk java --sun-misc-unsafe-memory-access=allow)
"${java[@]}" -version >/dev/null 2>&1 || java=("$root/vigil" jdk java)   # JDK 21–23 lack the flag
cp="$root/target/vigil.jar:$root/target/test-classes"
