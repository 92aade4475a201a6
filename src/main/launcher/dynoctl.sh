#!/bin/sh
# dynoctl launcher. This script is followed, in the same file, by the dynoctl jar: java runs the file itself.
# Java: $JAVA_HOME/bin/java if set, else java on PATH (17 or newer). Extra JVM options: DYNOCTL_JAVA_OPTS.
# JVM tuned for a short-lived process: C1 only, serial GC, small heap and code cache (see docs/performance.md);
# `dynoctl local` starts an engine (moto or dynalite) as a process of its own.
# Class cache: the classes a run loads, prepared by a training run, one cache per launcher file and Java, in
# ${XDG_CACHE_HOME:-~/.cache}/dynoctl (a directory of the user's own): on Java 25 or newer the JDK's AOT cache (JEP 483,
# 514, 515; KEY-VERSION.aot), on Java 17-24 an AppCDS archive (KEY.jsa). When missing or older than the launcher or Java,
# one training run at a time makes it in the background while this run goes on without it; a failed training is not
# retried for a day; a cache the JVM cannot use is ignored silently. DYNOCTL_CDS=off disables it.
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
tuning="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms8m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=16m -XX:-UsePerfData"
jvm="$tuning $logging"
cds=
cache=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
if [ "${DYNOCTL_CDS:-on}" != off ] && [ -n "$cache" ]; then
  dir=$cache/dynoctl
  # The key: the launcher and the real path of Java, so that a symlink switched to another Java gets an archive of its
  # own (-nt below follows symlinks by itself). Few processes: each costs every run about a millisecond.
  jreal=$(readlink -f -- "$java" 2>/dev/null || printf '%s' "$java")
  key=$(printf '%s\n%s\n' "$self" "$jreal" | cksum)
  key=${key%% *}
  name=$key
  archive=$dir/$key.jsa
  aot=
  # Java 25 or newer, as its release file says (read by the shell, no process): the AOT cache instead. Its name
  # carries the JDK's version, so that a JDK updated in place trains a new one (the JVM would refuse the old one
  # anyway). None when the user's JVM options choose class sharing themselves: the JVM refuses -XX:AOTCache beside them.
  version=
  if [ -r "${jreal%/bin/java}/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_RUNTIME_VERSION=*) version=${line#*=}; break ;;
        JAVA_VERSION=*) version=${line#*=} ;;  # if the release file has no runtime version
      esac
    done <"${jreal%/bin/java}/release"
    version=${version#\"}; version=${version%\"}
  fi
  major=${version%%[!0-9]*}
  case $version in *[!A-Za-z0-9.+_-]*) major= ;; esac
  if [ -n "$major" ] && [ "$major" -ge 25 ]; then
    case " $DYNOCTL_JAVA_OPTS $JAVA_TOOL_OPTIONS $JDK_JAVA_OPTIONS" in
      *-Xshare:*|*SharedArchiveFile*|*SharedClassListFile*|*DumpLoadedClassList*|*ArchiveClassesAtExit*|*-XX:AOT*)
        archive= ;;
      *) aot=yes
         name=$key-$version
         archive=$dir/$name.aot
         # -Xshare:auto is the JVM's default and may not be given with -XX:AOTCache. A cache the JVM cannot use
         # (another JDK's, another jar's, made with other options, damaged) it reports at error level under aot tags.
         logging="-Xlog:disable -Xlog:all=error:stderr -Xlog:aot*=off:stderr"
         jvm="$tuning $logging" ;;
    esac
  fi
  if [ -z "$archive" ]; then
    :
  elif [ -f "$archive" ] && [ ! "$self" -nt "$archive" ] && [ ! "$java" -nt "$archive" ]; then
    if [ -n "$aot" ]; then cds=-XX:AOTCache=$archive; else cds=-XX:SharedArchiveFile=$archive; fi
  elif (umask 077 && mkdir -p -- "$dir") 2>/dev/null && [ -O "$dir" ] && [ -w "$dir" ] \
      && [ -z "$(find "$dir" -maxdepth 1 -name "$name.failed" -mmin -1440 2>/dev/null)" ]; then
    find "$dir" -maxdepth 1 -name "$name.training" -mmin +10 -exec rm -rf {} + 2>/dev/null
    if mkdir -- "$dir/$name.training" 2>/dev/null; then
      list=$dir/$name.training/classes.lst
      tmp=$dir/$name.training/archive.${archive##*.}
      # AppCDS: a static archive (class list from a training run, then -Xshare:dump; faster than a dynamic one,
      # -XX:ArchiveClassesAtExit). Jackson and SnakeYAML (JSON output, spec files) stay out: the archive is mapped by
      # every run, and most runs need neither. So does dynoctl's spec file reader (SpecFile, not its nested types),
      # which uses both: the dump verifies every class it archives, loading (and archiving) what the verifier checks it
      # against. (JDK 17 lists a class as its name alone, JDK 18 and newer add " id: N".)
      # AOT cache: one training run with -XX:AOTCacheOutput, at whose end the JVM starts another that writes the cache.
      # It holds what the training loaded and linked, Jackson and SnakeYAML too (the JDK has no class filter), and
      # picocli: JDK 25 stores no linked class of Java 5, so the build rewrites picocli's as Java 6 classes.
      # Started from a subshell that ends at once, so the training is not a child of the java exec'd below, which would
      # never reap it (a long 'local serve' would keep a zombie).
      # shellcheck disable=SC2086
      ( ( export AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_EC2_METADATA_DISABLED=true
        if [ -n "$aot" ]; then
          "$java" $jvm -XX:AOTCacheOutput="$tmp" -jar "$self" cds-training && [ -s "$tmp" ]
        else
          "$java" $jvm -XX:DumpLoadedClassList="$list" -jar "$self" cds-training \
            && grep -v -e 'com/fasterxml/jackson/' -e 'org/yaml/' -e '^dev/dynoctl/table/SpecFile$' \
                -e '^dev/dynoctl/table/SpecFile id: ' -e '^@lambda-proxy dev/dynoctl/table/SpecFile ' \
                -e '^@cp dev/dynoctl/table/SpecFile ' "$list" >"$list.kept" \
            && "$java" -Xshare:dump -XX:SharedClassListFile="$list.kept" -XX:SharedArchiveFile="$tmp" -cp "$self" && [ -s "$tmp" ]
        fi
        if [ $? = 0 ]; then
          mv -f -- "$tmp" "$archive" && rm -f -- "$dir/$name.failed"
          # An AOT cache replaces this launcher's and Java's caches made by other versions of the JDK, or by AppCDS.
          if [ -n "$aot" ]; then
            for old in "$dir/$key.jsa" "$dir/$key"-*.aot; do [ "$old" = "$archive" ] || rm -f -- "$old"; done
          fi
        else
          : >"$dir/$name.failed"
        fi
        rm -rf -- "$dir/$name.training" ) </dev/null >/dev/null 2>&1 & )
    fi
  fi
fi
# shellcheck disable=SC2086
exec "$java" $jvm $cds $DYNOCTL_JAVA_OPTS -jar "$self" "$@"
