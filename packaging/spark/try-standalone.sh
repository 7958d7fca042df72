#!/usr/bin/env bash
# Tries `train --spark` on one machine: a Spark standalone master and two workers on 127.0.0.1,
# one training through spark-submit, then both stopped again. Spark itself comes from the jars
# Maven fetched for the -Pspark profile (no Spark distribution needed): they are linked into
# target/spark/home/jars, which is what Spark's workers take as SPARK_HOME.
#
#   packaging/spark/try-standalone.sh --data DIR --preset pitch-step-duration --epochs 1 --out /tmp/m.zip [train options]
#
# RONDO_SPARK_WORKERS (default 2) workers of one core each; RONDO_SPARK_MASTER=local[2] skips the
# cluster and runs in Spark's local mode instead, RONDO_SPARK_MASTER=local-cluster[2,1,1024] in Spark's
# local cluster (executor JVMs of their own, started by the driver). RONDO_SPARK_AVERAGE_EVERY (default
# 4): minibatches each worker fits between two averagings. RONDO_SPARK_CONF: more --conf settings
# (e.g. "spark.rondo.executorsRead=false"). --data may be a path or a URI. Logs: target/spark/standalone/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
[ $# -gt 0 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
workers=${RONDO_SPARK_WORKERS:-2}
port=${RONDO_SPARK_PORT:-7077}
logs=$root/target/spark/standalone
mkdir -p "$logs"

# The cluster jar: target/spark/rondo-spark.jar with the Spark code; its manifest names its libraries in target/spark/lib.
if [ ! -f target/spark/rondo-spark.jar ]; then
  echo "try-standalone: building the cluster jar (mvn -Pspark package -DskipTests)"
  mvn -B -q ${RONDO_MVN_OFFLINE:+-o} -Pspark package -DskipTests
fi
# Spark's own jars (the profile's provided scope) as a SPARK_HOME the workers accept.
if [ ! -d target/spark/home/jars ] || [ target/spark/home/jars -ot pom.xml ]; then
  mvn -B -q ${RONDO_MVN_OFFLINE:+-o} -Pspark dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$logs/spark-classpath.txt"
  rm -rf target/spark/home && mkdir -p target/spark/home/jars
  tr ':' '\n' < "$logs/spark-classpath.txt" | while read -r jar; do ln -s "$jar" target/spark/home/jars/; done
fi
export SPARK_HOME=$root/target/spark/home SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 RONDO_RELAUNCH=0
# What Spark opens on Java 17 (its launcher's list); executors get it from Spark itself.
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
spark_cp="$SPARK_HOME/jars/*"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

wait_for() { # LOG TEXT: waits up to a minute for a line in a log
  for _ in $(seq 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "try-standalone: no '$2' in $1 after a minute:" >&2; tail -20 "$1" >&2; return 1
}

master=${RONDO_SPARK_MASTER:-}
if [ -z "$master" ]; then
  master=spark://127.0.0.1:$port
  java $opens -Xmx512m -cp "$spark_cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 > "$logs/master.log" 2>&1 &
  pids+=($!)
  wait_for "$logs/master.log" "I have been elected leader"
  for i in $(seq "$workers"); do
    java $opens -Xmx512m -cp "$spark_cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g \
      --work-dir "$logs/work-$i" --webui-port 0 "$master" > "$logs/worker-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq "$workers"); do wait_for "$logs/worker-$i.log" "Successfully registered with master"; done
  echo "try-standalone: master $master with $workers workers of one core (logs in $logs)"
fi

# The driver runs here (client mode); every executor finds the jars at the same path, as the nodes of a
# cluster would on a shared folder (or pass them with --jars).
app_cp="$root/target/spark/rondo-spark.jar"
java $opens --add-modules jdk.incubator.vector -Xmx2g -cp "$spark_cp:$app_cp" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --class studio.rondo.Main \
  --conf spark.executor.extraClassPath="$app_cp" \
  --conf "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector -Dorg.bytedeco.javacpp.maxbytes=2G" \
  --conf spark.executor.memory=1g --conf spark.executor.cores=1 --conf spark.cores.max="$workers" \
  --conf spark.rondo.workers="${RONDO_SPARK_WORKERS:-2}" --conf spark.rondo.averageEvery="${RONDO_SPARK_AVERAGE_EVERY:-4}" \
  --conf spark.ui.enabled=false \
  $(for c in ${RONDO_SPARK_CONF:-}; do printf -- '--conf %s ' "$c"; done) \
  "$root/target/spark/rondo-spark.jar" train --spark submit "$@"
