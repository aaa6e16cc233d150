import Foundation
import TestSupport

/// Stand-ins for the system commands setup.sh calls, for running it against a
/// scratch root: each keeps its state in files (installed packages, enabled
/// units, users, sysctl values, iptables rules, etcd keys) so queries answer
/// what earlier calls did, and logs every call as `Q` (a query) or `M` (a
/// change) to `$TOPOC_STUB_STATE/calls.log`.
enum StubCommands {
    static let names = ["systemctl", "yum", "dnf", "apt-get", "rpm", "dpkg", "docker", "grubby", "etcdctl",
                        "useradd", "id", "iptables", "sysctl", "curl", "aws", "ecs-cli"]

    static let script = #"""
#!/bin/bash
name=${0##*/}
S=$TOPOC_STUB_STATE
K=${TOPOC_STUB_SHARED:-$S}
R=${TOPOC_ROOT:-}
log() { local kind=$1; shift; printf '%s %s%s\n' "$kind" "$name" "$(printf ' %q' "$@")" >>"$S/calls.log"; }
key() { printf '%s' "$*" | md5sum | cut -c1-16; }
last=${*: -1}
case $name in
  systemctl)
    case $1 in
      is-enabled) log Q "$@"; [ -e "$S/enabled.$last" ] ;;
      is-active) log Q "$@"; [ -e "$S/active.$last" ] ;;
      enable) log M "$@"; touch "$S/enabled.$2" ;;
      start | restart)
        log M "$@"; touch "$S/active.$2"
        case $2 in flanneld*) mkdir -p "$R/run/flannel"; printf 'FLANNEL_SUBNET=10.99.1.1/24\nFLANNEL_MTU=1450\n' >"$R/run/flannel/subnet.env" ;; esac ;;
      *) log M "$@" ;;
    esac ;;
  rpm | dpkg) log Q "$@"; [ -e "$S/pkg.$last" ] ;;
  yum | dnf) log M "$@"; for p in "${@:3}"; do touch "$S/pkg.$p"; done ;;
  apt-get) log M "$@"; if [ "$1" = install ]; then for p in "${@:3}"; do touch "$S/pkg.$p"; done; fi ;;
  grubby) log M "$@"; printf '%s\n' "$*" >>"$S/grubby" ;;
  etcdctl)
    # The key is the word after get/set/put; set/put's value the one after it.
    verb= k= v=
    for a in "$@"; do
      if [ -n "$k" ] && [ -z "$v" ] && [ "$verb" != get ]; then v=$a
      elif [ -n "$verb" ] && [ -z "$k" ]; then k=$a
      else case $a in get | set | put) verb=$a ;; esac
      fi
    done
    case $verb in
      get) log Q "$@"; if [ -e "$K/etcd.$(key "$k")" ]; then cat "$K/etcd.$(key "$k")"; fi ;;
      set | put) log M "$@"; printf '%s\n' "$v" >"$K/etcd.$(key "$k")" ;;
      *) log Q "$@" ;;
    esac ;;
  docker) log Q "$@" ;;
  curl)
    log Q "$@"
    case $last in
      */kv/range)
        # etcd's v3 JSON gateway: a range request for the base64 key in -d's
        # body answers with "kvs" only when the key exists.
        body= prev=
        for a in "$@"; do if [ "$prev" = -d ]; then body=$a; fi; prev=$a; done
        k=$(printf '%s' "$body" | sed -n 's/.*"key": *"\([^"]*\)".*/\1/p' | base64 -d)
        if [ -e "$K/etcd.$(key "$k")" ]; then echo '{"header":{},"kvs":[{}],"count":"1"}'; else echo '{"header":{}}'; fi ;;
    esac ;;
  useradd) log M "$@"; touch "$S/user.$last" ;;
  id) log Q "$@"; if [ -e "$S/user.$last" ]; then echo 999; else exit 1; fi ;;
  iptables)
    case " $* " in
      *" -C "*) log Q "$@"; rule="$*"; [ -e "$S/ipt.$(key "${rule/ -C / -A }")" ] ;;
      *) log M "$@"; touch "$S/ipt.$(key "$*")" ;;
    esac ;;
  sysctl)
    case $1 in
      -n) log Q "$@"; if [ -e "$S/sysctl.$2" ]; then cat "$S/sysctl.$2"; else exit 1; fi ;;
      -w) log M "$@"; printf '%s\n' "${2#*=}" >"$S/sysctl.${2%%=*}" ;;
      *) log M "$@" ;;
    esac ;;
  *) log M "$@" ;;
esac
"""#

    /// Writes the stubs into `dir` (one script, linked under every name).
    static func install(in dir: URL) throws {
        let main = dir.appendingPathComponent("topoc-stub")
        try Scratch.write(script, to: main, executable: true)
        for name in names {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(name).path, withDestinationPath: main.path)
        }
    }
}
