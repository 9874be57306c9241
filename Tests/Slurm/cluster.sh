#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for the tests of `sinergi sweep --slurm` (no systemd).
#
#   Tests/Slurm/cluster.sh start [DIR]   starts munged, slurmctld and slurmd with DIR/slurm.conf
#                                        (default DIR: $SINERGI_SLURM_DIR or /tmp/sinergi-slurm),
#                                        waits until the node is idle, prints `export SLURM_CONF=…`
#   Tests/Slurm/cluster.sh stop [DIR]    stops the daemons it started (by their PID files)
#   Tests/Slurm/cluster.sh status [DIR]  exits 0 when the node answers and is idle or mixed
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge (make test-deps installs them) and
# root, as on the test machine. The ports (6817/6818) are fixed, so one cluster at a time.
set -euo pipefail

# The daemons started below must not inherit a descriptor beyond stdin, stdout and stderr
# (a caller's pipe would stay open for as long as they run, and the caller would wait).
for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    if [[ $fd =~ ^[0-9]+$ ]] && (( fd > 2 )); then eval "exec $fd>&-" 2>/dev/null || true; fi
done

command=${1:-}
dir=${2:-${SINERGI_SLURM_DIR:-/tmp/sinergi-slurm}}
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

stop_pidfile() {
    local file=$1
    if [[ -f $file ]]; then
        local pid
        pid=$(cat "$file")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
        rm -f "$file"
    fi
}

node_ready() {
    local state
    state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1) || return 1
    [[ $state == idle* || $state == mixed* || $state == allocated* ]]
}

case $command in
start)
    if [[ -f $conf ]] && node_ready; then
        echo "export SLURM_CONF=$conf"
        exit 0
    fi
    "$0" stop "$dir" >/dev/null 2>&1 || true
    rm -rf "$dir"
    install -d -m 0755 "$dir" "$dir/state" "$dir/spool"

    # munge: its key comes with the package; make one when it is missing.
    if [[ ! -s /etc/munge/munge.key ]]; then
        mungekey -c -k /etc/munge/munge.key
        chown munge:munge /etc/munge/munge.key
        chmod 0400 /etc/munge/munge.key
    fi
    install -d -o munge -g munge -m 0755 /run/munge
    if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        # Daemons get no inherited stdio: a caller reading this script's output would wait on them.
        runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/sinergi-munged.pid </dev/null >/dev/null 2>&1
        for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
        cp /run/munge/sinergi-munged.pid "$dir/munged.pid" 2>/dev/null || true
    fi

    host=$(hostname -s)
    cpus=$(nproc)
    memory=$(( $(free -m | awk '/^Mem:/ {print $2}') * 8 / 10 ))
    sed -e "s|@DIR@|$dir|g" -e "s|@HOST@|$host|g" -e "s|@CPUS@|$cpus|g" -e "s|@MEMORY@|$memory|g" \
        "$(dirname "$0")/slurm.conf.in" > "$conf"

    slurmctld -i </dev/null >/dev/null 2>&1
    slurmd </dev/null >/dev/null 2>&1
    for _ in $(seq 100); do node_ready && break; sleep 0.2; done
    if ! node_ready; then
        echo "the Slurm node did not become idle; see $dir/slurmctld.log and $dir/slurmd.log" >&2
        sinfo -N >&2 || true
        exit 1
    fi
    echo "export SLURM_CONF=$conf"
    ;;
stop)
    stop_pidfile "$dir/slurmd.pid"
    stop_pidfile "$dir/slurmctld.pid"
    stop_pidfile "$dir/munged.pid"
    ;;
status)
    node_ready
    ;;
*)
    echo "usage: $0 start|stop|status [DIR]" >&2
    exit 64
    ;;
esac
