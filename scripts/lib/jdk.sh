# Sourced by the scripts: finds a JDK 21+ and sets JAVA, JDK, FEATURE and the JVM flags the tools need.
# Needs ROOT (the checkout) and a die() function.

# The Java feature version of a java binary (8 for 1.8, 21 for 21.0.2), or nothing.
java_feature() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || return 0
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    *) echo "$v" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

# A JDK 21+ home: JAVA_HOME, then java on PATH, then the usual install folders (newest first).
find_jdk() {
  local candidates=() c f
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c="$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)"
    candidates+=("$(dirname "$(dirname "$c")")")
  fi
  for c in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
               /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
               "$HOME"/.jdks/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    f="$(java_feature "$c/bin/java")"
    if [ -n "$f" ] && [ "$f" -ge 21 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

JDK="$(find_jdk)" || die "no JDK 21 or newer found (looked at JAVA_HOME, PATH and the usual install folders).
Install one, for example: Debian/Ubuntu 'apt-get install openjdk-21-jdk' (or Temurin 21+ from adoptium.net),
macOS 'brew install openjdk@21'; or point JAVA_HOME at an installed JDK 21+."
JAVA="$JDK/bin/java"
FEATURE="$(java_feature "$JAVA")"

# Flags that keep the JVM quiet: oshi's JNA needs native access (JDK 22+ warns without it);
# JMH uses sun.misc.Unsafe (JDK 23+ warns without this). JMH's forks inherit them.
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED "-Dparbench.home=$ROOT")
if [ "$FEATURE" -ge 23 ]; then JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow); fi

# The analyzer lives for seconds: C1 alone compiles soon enough, and C2's compile time never pays back
# (a 10,000-benchmark report: 7.0 s instead of 9.1 s on 2 cores). Charts are drawn without a display.
ANALYZER_FLAGS=(-Djava.awt.headless=true -XX:TieredStopAtLevel=1)


