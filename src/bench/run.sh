#!/usr/bin/env bash
# Benchmark: dynoctl against the tools people use today, as whole processes, interleaved round by round so that
# machine noise hits every tool alike. Prints medians and ratios; asserts nothing.
#
#   src/bench/run.sh [ROUNDS] [SLOW_ROUNDS]      (defaults 11 and 3)
#
# Needs: JDK 17+, python3 with boto3, the AWS CLI, node + npm (dynalite is installed from the npm registry into
# target/bench), GNU time (/usr/bin/time, Debian package "time"), curl. Servers listen on 127.0.0.1 only:
#   - DynamoDB Local (dynoctl local serve --in-memory) - tables are ACTIVE at once;
#   - dynalite --createTableMs 2500 - tables stay CREATING for 2.5 s, as real ones do for a few seconds.
# Cases (fresh table name each run; table shape: HASH user_id S, provisioned 5/5):
#   create+wait: dynoctl create-table | src/bench/seed_boto3.py | aws dynamodb create-table && aws dynamodb wait table-exists
#   (dynoctl and the boto3 script run directly; the AWS CLI pair needs a shell for its two commands)
#   bad input: dynoctl create-table --name ab (rejected before any AWS class loads)
#   describe: dynoctl describe-table | aws dynamodb describe-table, on an existing table
set -euo pipefail
export LC_ALL=C  # a "." in EPOCHREALTIME and in the figures
ROUNDS=${1:-11}
SLOW_ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/bench
DDB_PORT=${DDB_PORT:-18431}
DYNALITE_PORT=${DYNALITE_PORT:-18432}
mkdir -p "$WORK"
cd "$ROOT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "run.sh: needs $1 ($2)" >&2; exit 2; }; }
need python3 "python3 with boto3"; need aws "the AWS CLI"; need node "Node.js"; need npm "npm"; need curl "curl"
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
python3 -c 'import boto3' 2>/dev/null || { echo "run.sh: needs boto3 (pip install boto3)" >&2; exit 2; }

echo "building dynoctl ..." >&2
./mvnw -q -B -DskipTests package
[ -x "$WORK/dynalite/node_modules/.bin/dynalite" ] || npm install --silent --prefix "$WORK/dynalite" dynalite@4.0.0 >&2

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

target/dynoctl local serve --in-memory --data-dir "$WORK/ddblocal" --port "$DDB_PORT" >"$WORK/ddblocal.log" 2>&1 &
pids+=($!)
node "$WORK/dynalite/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$DYNALITE_PORT" --createTableMs 2500 \
  >"$WORK/dynalite.log" 2>&1 &
pids+=($!)
ready() {  # an unsigned ListTables answered 200 (warms the server's request path too)
  curl -s -o /dev/null -m 2 -w '%{http_code}' -X POST "http://127.0.0.1:$1/" \
    -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    -H 'X-Amz-Date: 20200101T000000Z' -d '{}' 2>/dev/null | grep -q 200
}
for _ in $(seq 1 150); do ready "$DDB_PORT" && ready "$DYNALITE_PORT" && break; sleep 0.2; done
ready "$DDB_PORT" || { cat "$WORK/ddblocal.log" >&2; echo "run.sh: DynamoDB Local did not start" >&2; exit 1; }
ready "$DYNALITE_PORT" || { cat "$WORK/dynalite.log" >&2; echo "run.sh: dynalite did not start" >&2; exit 1; }
DDB=http://127.0.0.1:$DDB_PORT
DYNALITE=http://127.0.0.1:$DYNALITE_PORT

# dynoctl's first run makes its class cache in the background (see README, Performance): wait until this build's
# archive is in place (newer than target/dynoctl) and no training runs any more.
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/dynoctl
target/dynoctl create-table --endpoint-url "$DDB" --name bench-described --pk user_id:S >/dev/null
for _ in $(seq 1 300); do
  if [ -n "$(find "$CACHE" -maxdepth 1 -name '*.jsa' -newer target/dynoctl 2>/dev/null)" ] \
     && [ -z "$(find "$CACHE" -maxdepth 1 -name '*.training' 2>/dev/null)" ]; then break; fi
  sleep 0.1
done

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
dynoctl_create() {  # endpoint, table: the seed's table shape
  echo target/dynoctl create-table --endpoint-url "$1" --name "$2" --pk user_id:S --billing-mode provisioned \
    --read-capacity 5 --write-capacity 5
}

echo "measuring: $ROUNDS rounds on DynamoDB Local, $SLOW_ROUNDS on dynalite (tables CREATING for 2.5 s) ..." >&2
for round in $(seq 1 "$ROUNDS"); do
  n=$((n + 1))
  # shellcheck disable=SC2046
  measure "local: dynoctl create-table" 0 $(dynoctl_create "$DDB" "d$n-$RANDOM")
  measure "local: boto3 script" 0 python3 src/bench/seed_boto3.py "$DDB" "b$n-$RANDOM"
  measure "local: aws create-table + wait" 0 bash -c 'cli_pair "$0" "$1"' "$DDB" "c$n-$RANDOM"
  measure "bad input: dynoctl" 2 target/dynoctl create-table --name ab --pk user_id:S
  measure "describe: dynoctl describe-table" 0 target/dynoctl describe-table --endpoint-url "$DDB" --name bench-described
  measure "describe: aws describe-table" 0 aws dynamodb describe-table --endpoint-url "$DDB" --table-name bench-described
done
for round in $(seq 1 "$SLOW_ROUNDS"); do
  n=$((n + 1))
  # shellcheck disable=SC2046
  measure "dynalite: dynoctl create-table" 0 $(dynoctl_create "$DYNALITE" "d$n-$RANDOM")
  measure "dynalite: boto3 script" 0 python3 src/bench/seed_boto3.py "$DYNALITE" "b$n-$RANDOM"
  measure "dynalite: aws create-table + wait" 0 bash -c 'cli_pair "$0" "$1"' "$DYNALITE" "c$n-$RANDOM"
done

python3 - "$RESULTS" <<'PY'
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
for where in ("local", "dynalite"):
    d = f"{where}: dynoctl create-table"
    print(f"{where}: dynoctl / boto3 script = {ratio(d, where + ': boto3 script')}, "
          f"dynoctl / aws pair = {ratio(d, where + ': aws create-table + wait')}")
PY
