#!/bin/sh
# dynoctl launcher: this script is followed by the dynoctl jar in the same file; java runs the file itself.
# Uses $JAVA_HOME/bin/java if set, else java on PATH (Java 17 or newer). Extra JVM options: DYNOCTL_JAVA_OPTS.
# C1 only and a small serial-GC heap: dynoctl is a short-lived process, start-up matters more than peak speed.
self="$0"
case "$self" in */*) ;; *) self=$(command -v -- "$self") ;; esac
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java=java
else
  echo "dynoctl: no Java found: install Java 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi
# shellcheck disable=SC2086
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData -Xshare:auto $DYNOCTL_JAVA_OPTS -jar "$self" "$@"
exit 1
