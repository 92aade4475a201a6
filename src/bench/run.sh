#!/usr/bin/env bash
# Benchmark: dynoctl against the tools people use today, as whole processes, interleaved round by round so that
# machine noise hits every tool alike. Prints medians and ratios; asserts nothing about timings, but every run's exit
# code is checked.
#
#   src/bench/run.sh [ROUNDS] [SLOW_ROUNDS]      (defaults 11 and 3)
#
# Needs: JDK 17+, python3 with boto3 and moto's server (pip package moto[server]), the AWS CLI, node + npm (dynalite
# is installed from the npm registry into target/bench), GNU time (/usr/bin/time, Debian package "time"), curl.
# Two open-source emulators, both started by this script on 127.0.0.1 only and stopped when it ends (logs in
# target/bench):
#   - moto's server (python3 -m moto.server, Apache-2.0) - tables are ACTIVE at once;
#   - dynalite --createTableMs 2500 --updateTableMs 2500 (MIT) - tables stay CREATING (UPDATING) for 2.5 s, as real
#     ones do for a few seconds.
# dynoctl's class cache lives in target/bench/cache for the benchmark's runs.
# Java: every dynoctl case runs on a Java 17-24 (its AppCDS archive); create-table on moto runs on a Java 25 or newer
# too (its AOT cache), interleaved with the rest. JAVA17_HOME / JAVA25_HOME choose them; by default the Java the
# launcher would use (JAVA_HOME, else java on PATH), else one in /usr/lib/jvm, for either. Without a Java 25 that case
# is left out, with a line saying so.
# Ports: MOTO_PORT (default 18431), DYNALITE_PORT (default 18432); nothing may answer on them before the start.
# Cases (fresh table name each run; table shape: HASH user_id S, provisioned 5/5):
#   create+wait: dynoctl create-table (on moto: on Java 17 and on Java 25) | src/bench/seed_boto3.py |
#   aws dynamodb create-table && aws dynamodb wait table-exists
#   (dynoctl and the boto3 script run directly; the AWS CLI pair needs a shell for its two commands)
#   bad input: dynoctl create-table --name ab (rejected before any AWS class loads)
#   describe: dynoctl describe-table | aws dynamodb describe-table, on an existing ACTIVE table on dynalite
#   update: a capacity change of an existing table on dynalite (UPDATING for 2.5 s): dynoctl create-table with the new
#   capacity | aws dynamodb update-table && aws dynamodb wait table-exists
#   many tables: dynoctl apply of 50 new tables on dynalite (vs one create-table there); dynoctl plan of 100 existing
#   tables on moto (vs one describe-table there)
#   (on moto, whose DescribeContributorInsights answers HTTP 500, the SDK's retries of that read would be measured)
set -euo pipefail
export LC_ALL=C  # a "." in EPOCHREALTIME and in the figures
ROUNDS=${1:-11}
SLOW_ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench
MOTO_PORT=${MOTO_PORT:-18431}
DYNALITE_PORT=${DYNALITE_PORT:-18432}
cd "$ROOT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "run.sh: needs $1 ($2)" >&2; exit 2; }; }
need python3 "python3 with boto3 and moto[server]"; need aws "the AWS CLI"; need node "Node.js"; need npm "npm"
need curl "curl"
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
python3 -c 'import boto3' 2>/dev/null || { echo "run.sh: needs boto3 (pip install boto3)" >&2; exit 2; }
python3 -c 'import moto.server' 2>/dev/null \
  || { echo "run.sh: needs moto's server (pip install 'moto[server]')" >&2; exit 2; }

jdk_major() {  # JDK home: its feature version from its release file (25 for JAVA_VERSION="25.0.3"), else nothing
  local line
  [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 0
  line=$(grep -m1 '^JAVA_VERSION=' "$1/release") || return 0
  line=${line#*=}; line=${line//\"/}
  echo "${line%%[!0-9]*}"
}
find_jdk() {  # lowest, highest feature version: the first JDK home in range among JAVA_HOME, java on PATH, /usr/lib/jvm
  local home major
  for home in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/*; do
    major=$(jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$1" ] && [ "$major" -le "$2" ]; then echo "$home"; return 0; fi
  done
}
JAVA17_HOME=${JAVA17_HOME:-$(find_jdk 17 24)}
JAVA25_HOME=${JAVA25_HOME:-$(find_jdk 25 999)}
[ -n "$JAVA17_HOME" ] || { echo "run.sh: needs a JDK 17 to 24 (set JAVA17_HOME)" >&2; exit 2; }
major=$(jdk_major "$JAVA17_HOME")
{ [ -n "$major" ] && [ "$major" -ge 17 ] && [ "$major" -le 24 ]; } \
  || { echo "run.sh: JAVA17_HOME=$JAVA17_HOME is not a JDK 17 to 24" >&2; exit 2; }
if [ -n "$JAVA25_HOME" ]; then
  major=$(jdk_major "$JAVA25_HOME")
  { [ -n "$major" ] && [ "$major" -ge 25 ]; } || { echo "run.sh: JAVA25_HOME=$JAVA25_HOME is not a JDK 25 or newer" >&2; exit 2; }
else
  echo "run.sh: no JDK 25 or newer found (set JAVA25_HOME): create-table on Java 25 is left out" >&2
fi
export JAVA_HOME=$JAVA17_HOME  # the build and every dynoctl case but the Java 25 one
echo "Java 17 case: $JAVA17_HOME; Java 25 case: ${JAVA25_HOME:-none}" >&2

echo "building dynoctl ..." >&2
./mvnw -q -B -DskipTests package || { echo "run.sh: the build failed" >&2; exit 1; }
mkdir -p "$WORK"
if [ ! -x "$WORK/dynalite/node_modules/.bin/dynalite" ]; then
  npm install --silent --no-audit --no-fund --prefix "$WORK/dynalite" dynalite@4.0.0 >&2 \
    || { echo "run.sh: npm install dynalite@4.0.0 failed" >&2; exit 1; }
fi

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_DYNAMODB AWS_SESSION_TOKEN

ready() {  # port: a DynamoDB ListTables answered 200 with a table list (warms the server's request path too)
  # Unsigned: the Authorization header only names the service (moto routes a request without one to its S3
  # emulation, which answers 200 as well, hence the check of the body).
  local answer
  answer=$(curl -s -m 2 -w ' %{http_code}' -X POST "http://127.0.0.1:$1/" \
    -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -H 'X-Amz-Date: 20200101T000000Z' -d '{}' 2>/dev/null) || return 1
  [[ $answer == *TableNames*" 200" ]]
}
for port in "$MOTO_PORT" "$DYNALITE_PORT"; do
  if curl -s -o /dev/null -m 1 "http://127.0.0.1:$port/" 2>/dev/null; then
    echo "run.sh: something already answers on 127.0.0.1:$port (set MOTO_PORT / DYNALITE_PORT)" >&2; exit 1
  fi
done

MOTO_PID=; DYNALITE_PID=
cleanup() {
  local pid
  for pid in $MOTO_PID $DYNALITE_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $MOTO_PID $DYNALITE_PID; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

python3 -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 </dev/null &
MOTO_PID=$!
node "$WORK/dynalite/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$DYNALITE_PORT" --createTableMs 2500 \
  --updateTableMs 2500 \
  >"$WORK/dynalite.log" 2>&1 </dev/null &
DYNALITE_PID=$!
for _ in $(seq 1 150); do
  ready "$MOTO_PORT" && ready "$DYNALITE_PORT" && break
  kill -0 "$MOTO_PID" 2>/dev/null && kill -0 "$DYNALITE_PID" 2>/dev/null || break
  sleep 0.2
done
ready "$MOTO_PORT" || { cat "$WORK/moto.log" >&2; echo "run.sh: moto's server did not start" >&2; exit 1; }
ready "$DYNALITE_PORT" || { cat "$WORK/dynalite.log" >&2; echo "run.sh: dynalite did not start" >&2; exit 1; }
MOTO=http://127.0.0.1:$MOTO_PORT
DYNALITE=http://127.0.0.1:$DYNALITE_PORT

run_checked() {  # what, command...: a set-up step whose exit code must be 0
  local what=$1; shift
  "$@" >/dev/null 2>"$WORK/stderr.txt" || {
    local status=$?; echo "run.sh: $what exited $status:" >&2; cat "$WORK/stderr.txt" >&2; exit 1; }
}
# dynoctl's first run makes its class cache in the background (see docs/performance.md): wait until this build's
# archive is in place (newer than target/dynoctl) and no training runs any more. The cache is the benchmark's own
# (target/bench/cache), so that no other dynoctl's archive or training in ~/.cache is taken for this one. The table
# for the describe case (on dynalite, CREATING for 2.5 s) is made meanwhile, and moto sees its first CreateTable
# before any measured one.
export XDG_CACHE_HOME=$WORK/cache
run_checked "dynoctl create-table on moto (warm-up)" \
  target/dynoctl create-table --endpoint-url "$MOTO" --name bench-warm-up --pk user_id:S
run_checked "dynoctl create-table on dynalite (the describe case's table)" \
  target/dynoctl create-table --endpoint-url "$DYNALITE" --name bench-described --pk user_id:S
if [ -n "$JAVA25_HOME" ]; then
  run_checked "dynoctl create-table on moto on Java 25 (warm-up)" \
    env JAVA_HOME="$JAVA25_HOME" target/dynoctl create-table --endpoint-url "$MOTO" --name bench-warm-up-25 --pk user_id:S
fi
CACHE=$XDG_CACHE_HOME/dynoctl
cache_ready=
for _ in $(seq 1 600); do
  if [ -n "$(find "$CACHE" -maxdepth 1 -name '*.jsa' -newer target/dynoctl 2>/dev/null)" ] \
     && { [ -z "$JAVA25_HOME" ] || [ -n "$(find "$CACHE" -maxdepth 1 -name '*.aot' -newer target/dynoctl 2>/dev/null)" ]; } \
     && [ -z "$(find "$CACHE" -maxdepth 1 -name '*.training' 2>/dev/null)" ]; then cache_ready=yes; break; fi
  sleep 0.1
done
[ -n "$cache_ready" ] || echo "run.sh: warning: dynoctl's class caches are not ready after 60 s; figures without them" >&2

RESULTS=$WORK/results.tsv
: >"$RESULTS"
n=0
measure() {  # label, expected exit code, command...: one whole-process run -> label, wall s, peak RSS KB
  # Wall time from bash's microsecond clock (GNU time's %e has 10 ms steps); peak RSS from GNU time.
  local label=$1 expected=$2; shift 2
  local status=0 start end
  start=${EPOCHREALTIME/./}
  /usr/bin/time -o "$WORK/time.txt" -f '%M' "$@" >/dev/null 2>"$WORK/stderr.txt" || status=$?
  end=${EPOCHREALTIME/./}
  if [ "$status" != "$expected" ]; then
    echo "run.sh: '$label' exited $status, expected $expected:" >&2; cat "$WORK/stderr.txt" >&2; exit 1
  fi
  printf '%s\t%d.%06d\t%s\n' "$label" $(((end - start) / 1000000)) $(((end - start) % 1000000)) \
    "$(tail -1 "$WORK/time.txt")" >>"$RESULTS"
}
cli_pair() {
  aws dynamodb create-table --endpoint-url "$1" --table-name "$2" \
    --attribute-definitions AttributeName=user_id,AttributeType=S --key-schema AttributeName=user_id,KeyType=HASH \
    --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 >/dev/null &&
  aws dynamodb wait table-exists --endpoint-url "$1" --table-name "$2"
}
export -f cli_pair
cli_update() {  # endpoint, table, read capacity: the AWS CLI way to change a table and wait until it is ACTIVE again
  aws dynamodb update-table --endpoint-url "$1" --table-name "$2" \
    --provisioned-throughput ReadCapacityUnits="$3",WriteCapacityUnits=5 >/dev/null &&
  aws dynamodb wait table-exists --endpoint-url "$1" --table-name "$2"
}
export -f cli_update
dynoctl_create() {  # endpoint, table: the seed's table shape
  echo target/dynoctl create-table --endpoint-url "$1" --name "$2" --pk user_id:S --billing-mode provisioned \
    --read-capacity 5 --write-capacity 5
}

echo "measuring: $ROUNDS rounds on moto, $SLOW_ROUNDS on dynalite (tables CREATING for 2.5 s) ..." >&2
for round in $(seq 1 "$ROUNDS"); do
  n=$((n + 1))
  # shellcheck disable=SC2046
  measure "moto: dynoctl create-table" 0 $(dynoctl_create "$MOTO" "d$n-$RANDOM")
  if [ -n "$JAVA25_HOME" ]; then
    # shellcheck disable=SC2046
    measure "moto: dynoctl create-table, Java 25" 0 env JAVA_HOME="$JAVA25_HOME" $(dynoctl_create "$MOTO" "e$n-$RANDOM")
  fi
  measure "moto: boto3 script" 0 python3 src/bench/seed_boto3.py "$MOTO" "b$n-$RANDOM"
  measure "moto: aws create-table + wait" 0 bash -c 'cli_pair "$0" "$1"' "$MOTO" "c$n-$RANDOM"
  measure "bad input: dynoctl" 2 target/dynoctl create-table --name ab --pk user_id:S
  measure "describe: dynoctl describe-table" 0 \
    target/dynoctl describe-table --endpoint-url "$DYNALITE" --name bench-described
  measure "describe: aws describe-table" 0 \
    aws dynamodb describe-table --endpoint-url "$DYNALITE" --table-name bench-described
done
for round in $(seq 1 "$SLOW_ROUNDS"); do
  n=$((n + 1))
  # shellcheck disable=SC2046
  measure "dynalite: dynoctl create-table" 0 $(dynoctl_create "$DYNALITE" "d$n-$RANDOM")
  measure "dynalite: boto3 script" 0 python3 src/bench/seed_boto3.py "$DYNALITE" "b$n-$RANDOM"
  measure "dynalite: aws create-table + wait" 0 bash -c 'cli_pair "$0" "$1"' "$DYNALITE" "c$n-$RANDOM"
done

# Update: one capacity change per run (another read capacity each round), the table UPDATING for 2.5 s.
for who in d c; do
  # shellcheck disable=SC2046
  run_checked "dynoctl create-table on dynalite (the update case's table)" $(dynoctl_create "$DYNALITE" "bench-update-$who")
done
for round in $(seq 1 "$SLOW_ROUNDS"); do
  rcu=$((5 + round))
  measure "dynalite: dynoctl capacity change" 0 target/dynoctl create-table --endpoint-url "$DYNALITE" --name bench-update-d \
    --pk user_id:S --billing-mode provisioned --read-capacity "$rcu" --write-capacity 5
  measure "dynalite: aws update-table + wait" 0 bash -c 'cli_update "$0" "$1" "$2"' "$DYNALITE" bench-update-c "$rcu"
done

# Many tables: apply of 50 new tables that stay CREATING for 2.5 s (dynalite), against one create-table of one such
# table above; plan of 100 existing tables on moto, against one describe-table on moto.
specs() {  # directory, count, prefix: one YAML file declaring that many tables
  mkdir -p "$1"
  local i
  for i in $(seq 1 "$2"); do
    [ "$i" = 1 ] || echo '---'
    printf 'name: %s-%03d\npk: user_id:S\n' "$3" "$i"
  done >"$1/tables.yaml"
}
specs "$WORK/many100" 100 "bench-plan"
run_checked "dynoctl apply of 100 tables on moto (the plan case's tables)" \
  target/dynoctl apply -f "$WORK/many100" --endpoint-url "$MOTO"
for round in $(seq 1 "$ROUNDS"); do
  measure "moto: dynoctl plan, 100 tables" 0 target/dynoctl plan -f "$WORK/many100" --endpoint-url "$MOTO"
  measure "moto: dynoctl describe-table" 0 target/dynoctl describe-table --endpoint-url "$MOTO" --name bench-plan-001
done
for round in $(seq 1 "$SLOW_ROUNDS"); do
  rm -rf "$WORK/many50"; specs "$WORK/many50" 50 "bench-apply-$round-$RANDOM"
  measure "dynalite: dynoctl apply, 50 tables" 0 target/dynoctl apply -f "$WORK/many50" --endpoint-url "$DYNALITE"
done

python3 - "$RESULTS" "$JAVA17_HOME" "${JAVA25_HOME:-}" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, wall, rss = line.rstrip("\n").split("\t")
    rows[label].append((float(wall), int(rss)))
def med(label, i):
    return statistics.median(v[i] for v in rows[label])
print(f"{'case':36s} {'n':>3s} {'median s':>9s} {'min s':>6s} {'max s':>6s} {'peak MB':>8s}")
for label, values in rows.items():
    walls = [v[0] for v in values]
    print(f"{label:36s} {len(values):3d} {statistics.median(walls):9.3f} {min(walls):6.3f} {max(walls):6.3f} "
          f"{med(label, 1) / 1024:8.1f}")
print()
def ratio(a, b):
    return f"{med(a, 0) / med(b, 0):.2f}x"
java25 = "moto: dynoctl create-table, Java 25"
for where in ("moto", "dynalite"):
    d = f"{where}: dynoctl create-table"
    print(f"{where}: dynoctl / boto3 script = {ratio(d, where + ': boto3 script')}, "
          f"dynoctl / aws pair = {ratio(d, where + ': aws create-table + wait')}")
if java25 in rows:
    print(f"moto on Java 25 (AOT cache): dynoctl / boto3 script = {ratio(java25, 'moto: boto3 script')}, "
          f"dynoctl / aws pair = {ratio(java25, 'moto: aws create-table + wait')}, "
          f"Java 25 / Java 17 = {ratio(java25, 'moto: dynoctl create-table')}")
print("describe: dynoctl / aws = "
      f"{ratio('describe: dynoctl describe-table', 'describe: aws describe-table')} (on dynalite, an ACTIVE table)")
print("capacity change: dynoctl / aws update-table + wait = "
      f"{ratio('dynalite: dynoctl capacity change', 'dynalite: aws update-table + wait')} (dynalite, 2.5 s UPDATING)")
print("apply of 50 tables / one create-table (dynalite, 2.5 s CREATING) = "
      f"{ratio('dynalite: dynoctl apply, 50 tables', 'dynalite: dynoctl create-table')}")
print("plan of 100 tables / one describe-table (moto) = "
      f"{ratio('moto: dynoctl plan, 100 tables', 'moto: dynoctl describe-table')}")
print()
print(f"dynoctl ran on {sys.argv[2]}" + (f"; the Java 25 case on {sys.argv[3]}" if sys.argv[3] else ""))
def target(label, what):
    r = med(label, 0) / med("moto: boto3 script", 0)
    mb = med(label, 1) / 1024
    return f"{what}: {r:.2f}x the boto3 script ({'met' if r <= 0.8 else 'missed'}), peak {mb:.1f} MB"
print("target: create + wait on moto at most 0.80x the boto3 script on both Javas, peak RSS at most 64 MB on Java 17")
d17 = "moto: dynoctl create-table"
print("  " + target(d17, "Java 17, AppCDS") + f" ({'met' if med(d17, 1) / 1024 <= 64 else 'missed'})")
if java25 in rows:
    print("  " + target(java25, "Java 25, AOT cache"))
PY
