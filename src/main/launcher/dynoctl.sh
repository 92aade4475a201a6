#!/bin/sh
# dynoctl launcher. This script is followed, in the same file, by the dynoctl jar: java runs the file itself.
# Java: $JAVA_HOME/bin/java if set, else java on PATH (17 or newer). Extra JVM options: DYNOCTL_JAVA_OPTS.
# JVM tuned for a short-lived process: C1 only, serial GC, small heap and code cache (see docs/performance.md);
# `dynoctl local` starts an engine (moto or dynalite) as a process of its own.
# Class cache: an AppCDS archive of the classes a run loads, one per launcher file and Java, in
# ${XDG_CACHE_HOME:-~/.cache}/dynoctl (a directory of the user's own). When missing or older than the launcher or Java,
# one training run at a time makes it in the background while this run goes on without it; a failed training is not
# retried for a day; an archive the JVM cannot use is ignored. DYNOCTL_CDS=off disables it.
self=$0
case $self in
  */*) ;;
  *) if [ -f "$self" ]; then self=./$self; else self=$(command -v -- "$self"); fi ;;  # `sh dynoctl` in its directory
esac
# One real path, however the launcher was reached: the class cache records the jar's path and is only used by a run
# that names the jar the same way.
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
logging="-Xshare:auto -Xlog:disable -Xlog:all=error:stderr"
jvm="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms8m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=16m -XX:-UsePerfData $logging"
cds=
cache=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
if [ "${DYNOCTL_CDS:-on}" != off ] && [ -n "$cache" ]; then
  dir=$cache/dynoctl
  # The key: the launcher and the real path of Java, so that a symlink switched to another Java gets an archive of its
  # own (-nt below follows symlinks by itself). Few processes: each costs every run about a millisecond.
  key=$({ printf '%s\n' "$self"; readlink -f -- "$java" 2>/dev/null || printf '%s\n' "$java"; } | cksum)
  key=${key%% *}
  archive=$dir/$key.jsa
  if [ -f "$archive" ] && [ ! "$self" -nt "$archive" ] && [ ! "$java" -nt "$archive" ]; then
    cds=-XX:SharedArchiveFile=$archive
  elif (umask 077 && mkdir -p -- "$dir") 2>/dev/null && [ -O "$dir" ] && [ -w "$dir" ] \
      && [ -z "$(find "$dir" -maxdepth 1 -name "$key.failed" -mmin -1440 2>/dev/null)" ]; then
    find "$dir" -maxdepth 1 -name "$key.training" -mmin +10 -exec rm -rf {} + 2>/dev/null
    if mkdir -- "$dir/$key.training" 2>/dev/null; then
      list=$dir/$key.training/classes.lst
      tmp=$dir/$key.training/archive.jsa
      # A static archive (class list from a training run, then -Xshare:dump): unlike a dynamic one (-XX:ArchiveClassesAtExit)
      # it also holds picocli, whose classes are compiled for Java 5. Jackson and SnakeYAML (JSON output, spec files)
      # stay out: the archive is mapped by every run, and most runs need neither.
      # Started from a subshell that ends at once, so the training is not a child of the java exec'd below, which would
      # never reap it (a long 'local serve' would keep a zombie).
      # shellcheck disable=SC2086
      ( ( if AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_EC2_METADATA_DISABLED=true \
            "$java" $jvm -XX:DumpLoadedClassList="$list" -jar "$self" cds-training \
          && grep -v -e 'com/fasterxml/jackson/' -e 'org/yaml/' "$list" >"$list.kept" \
          && "$java" -Xshare:dump -XX:SharedClassListFile="$list.kept" -XX:SharedArchiveFile="$tmp" -cp "$self" && [ -s "$tmp" ]; then
          mv -f -- "$tmp" "$archive" && rm -f -- "$dir/$key.failed"
        else
          : >"$dir/$key.failed"
        fi
        rm -rf -- "$dir/$key.training" ) </dev/null >/dev/null 2>&1 & )
    fi
  fi
fi
# shellcheck disable=SC2086
exec "$java" $jvm $cds $DYNOCTL_JAVA_OPTS -jar "$self" "$@"
