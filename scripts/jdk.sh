# Sourced by the project's scripts: point JAVA_HOME at the newest installed JDK >= 21.
# The machine default may be 17; a Temurin JDK usually sits beside it under /usr/lib/jvm.
# If none is found, it says so and falls back to what `java` is (the build targets 21 and will say why it fails).
daca_pick_jdk() {
  local best="" best_v=0 d v
  for d in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$d/bin/javac" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    v=${v%%.*}
    [ -n "$v" ] && [ "$v" -gt "$best_v" ] && { best="$d"; best_v="$v"; }
  done
  if [ "$best_v" -ge 21 ]; then
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    # Maven 3.9's Guava touches sun.misc.Unsafe; JDK 24+ warns on every build unless told it is allowed.
    if [ "$best_v" -ge 24 ]; then
      case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac
    fi
  else
    echo "jdk.sh: no JDK >= 21 found under /usr/lib/jvm (best: ${best:-none}, version ${best_v}); the build targets Java 21." >&2
    echo "jdk.sh: install one (e.g. 'apt-get install openjdk-21-jdk-headless' where Debian has it) or set JAVA_HOME." >&2
    [ -n "$best" ] && export JAVA_HOME="$best" && export PATH="$JAVA_HOME/bin:$PATH"
  fi
}
daca_pick_jdk
