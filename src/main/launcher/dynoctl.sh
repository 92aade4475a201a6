#!/bin/sh
# dynoctl launcher. This script is followed, in the same file, by the dynoctl jar: java runs the file itself.
# Java: $JAVA_HOME/bin/java if set, else java on PATH (17 or newer). Extra JVM options: DYNOCTL_JAVA_OPTS.
# JVM tuned for a short-lived process: C1 only, serial GC, small heap and code cache (see README, Performance).
# Class cache: an AppCDS archive of the classes a run loads, kept per launcher file and Java in
# ${XDG_CACHE_HOME:-~/.cache}/dynoctl. When missing, it is made in the background by a training run while this
# run goes on without it; a stale or foreign archive is ignored by the JVM. DYNOCTL_CDS=off disables it.
self=$0
case $self in */*) ;; *) self=$(command -v -- "$self") ;; esac
self=$(readlink -f -- "$self" 2>/dev/null || printf '%s' "$self")
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
  java=$(command -v java)
else
  echo "dynoctl: no Java found: install Java 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi
# -Xlog: a JVM that cannot use the archive must not say so on stdout, which carries the result.
jvm="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms8m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=16m -XX:-UsePerfData -Xshare:auto -Xlog:disable -Xlog:all=error:stderr"
cds=
if [ "${DYNOCTL_CDS:-on}" != off ]; then
  dir=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/dynoctl
  javareal=$(readlink -f -- "$java" 2>/dev/null || printf '%s' "$java")
  key=$(printf '%s\n' "$self" "$javareal" "$(ls -lLn -- "$self" "$javareal" 2>/dev/null)" | cksum | tr ' ' '-')
  archive=$dir/$key.jsa
  if [ -f "$archive" ]; then
    cds=-XX:SharedArchiveFile=$archive
  elif mkdir -p -- "$dir" 2>/dev/null; then
    tmp=$dir/$key.$$.tmp
    # shellcheck disable=SC2086
    ( AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_EC2_METADATA_DISABLED=true \
        "$java" $jvm -XX:ArchiveClassesAtExit="$tmp" -jar "$self" cds-training && mv -f -- "$tmp" "$archive"
      rm -f -- "$tmp" ) </dev/null >/dev/null 2>&1 &
  fi
fi
# shellcheck disable=SC2086
exec "$java" $jvm $cds $DYNOCTL_JAVA_OPTS -jar "$self" "$@"
