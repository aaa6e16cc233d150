import Model

/// The bash helpers every generated script carries. Each helper checks before
/// it acts, so a second run on a configured host changes nothing, and routes
/// every change through `topoc_run` so `--dry-run` can print it instead.
/// Helpers return 0 whatever they found (the scripts run under `set -e`) and
/// set `topoc_changed=1` when they changed a file, which is how
/// `topoc_daemon_reload` and `topoc_enable_service` know to act.
enum ScriptLibrary {
    static let common = #"""
topoc_dry_run=0
topoc_list=0
topoc_only_phase=
topoc_step=
topoc_changed=0
topoc_timeout=${TOPOC_WAIT_TIMEOUT:-600}

# Log lines read `topoc: <host> <step>: ...` (`topoc: <host>: ...` outside a step).
topoc_log() {
  printf 'topoc: %s%s: %s\n' "$TOPOC_HOST" "${topoc_step:+ $topoc_step}" "$*"
}

topoc_fail() {
  printf 'topoc: %s%s: error: %s\n' "$TOPOC_HOST" "${topoc_step:+ $topoc_step}" "$*" >&2
  exit 1
}

# Runs a command that changes something, or only prints it in a dry run.
topoc_run() {
  if [ "$topoc_dry_run" = 1 ]; then
    topoc_log "would run:$(printf ' %q' "$@")"
  else
    "$@"
  fi
}

# True when a read-only query exits 0 and prints something: etcdctl v3 `get`
# and filtered AWS CLI queries succeed with empty output when nothing is there.
topoc_found() {
  local out
  out=$("$@" 2>/dev/null) || return 1
  [ -n "$out" ]
}

# topoc_wait WHAT status|output|file COMMAND...|PATH: polls every 5 s until
# the command succeeds (status), succeeds printing something (output) or the
# path exists (file); fails naming WHAT after TOPOC_WAIT_TIMEOUT seconds.
topoc_wait() {
  local what=$1 mode=$2 deadline
  shift 2
  if [ "$topoc_dry_run" = 1 ]; then
    topoc_log "would wait until $what (skipped in a dry run)"
    return 0
  fi
  topoc_log "waiting until $what"
  deadline=$((SECONDS + topoc_timeout))
  while :; do
    case $mode in
      status) if "$@" >/dev/null 2>&1; then return 0; fi ;;
      output) if topoc_found "$@"; then return 0; fi ;;
      file) if [ -e "$1" ]; then return 0; fi ;;
    esac
    if [ "$SECONDS" -ge "$deadline" ]; then
      topoc_fail "timed out after ${topoc_timeout}s waiting until $what"
    fi
    sleep 5
  done
}

# topoc_install_file TARGET MODE CONTENT_FUNCTION: replaces TARGET atomically
# (a temporary file in the same directory, then mv) only when its content differs.
topoc_install_file() {
  local target=$1 mode=$2 content=$3 dir tmp
  if [ -f "$target" ] && "$content" | cmp -s - "$target"; then
    if [ "$(stat -c %a "$target")" != "${mode#0}" ]; then
      topoc_run chmod "$mode" "$target"
    fi
    return 0
  fi
  topoc_changed=1
  if [ "$topoc_dry_run" = 1 ]; then
    topoc_log "would install $target"
    return 0
  fi
  dir=$(dirname "$target")
  mkdir -p "$dir"
  tmp=$(mktemp "$dir/.topoc.XXXXXX")
  "$content" >"$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$target"
  topoc_log "installed $target"
}

# topoc_append_line FILE LINE: appends LINE unless FILE has it as a whole line.
topoc_append_line() {
  local file=$1 line=$2
  if [ -f "$file" ] && grep -qxF -- "$line" "$file"; then
    return 0
  fi
  if [ "$topoc_dry_run" = 1 ]; then
    topoc_log "would append $line to $file"
    return 0
  fi
  mkdir -p "$(dirname "$file")"
  if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then
    printf '\n' >>"$file"
  fi
  printf '%s\n' "$line" >>"$file"
  topoc_log "appended $line to $file"
}

topoc_ensure_user() {
  if id -u "$1" >/dev/null 2>&1; then
    return 0
  fi
  topoc_run useradd --system "$1"
}

# topoc_ensure_directory DIR MODE [OWNER]
topoc_ensure_directory() {
  local dir=$1 mode=$2 owner=${3:-}
  if [ ! -d "$dir" ]; then
    topoc_run mkdir -p "$dir"
  fi
  if [ ! -d "$dir" ] || [ "$(stat -c %a "$dir")" != "${mode#0}" ]; then
    topoc_run chmod "$mode" "$dir"
  fi
  if [ -n "$owner" ] && { [ ! -d "$dir" ] || [ "$(stat -c %u:%g "$dir")" != "$owner" ]; }; then
    topoc_run chown "$owner" "$dir"
  fi
}

# topoc_kernel_arguments ARG...: adds the arguments missing from the running
# kernel's command line with grubby, records that, and stops with status 3:
# they only take effect after a reboot, and the rerun then continues here.
topoc_kernel_arguments() {
  local cmdline arg record tmp missing=()
  record="${TOPOC_ROOT:-}/var/lib/topoc/reboot-required"
  cmdline=$(cat "${TOPOC_ROOT:-}/proc/cmdline" 2>/dev/null || true)
  for arg in "$@"; do
    case " $cmdline " in
      *" $arg "*) ;;
      *) missing+=("$arg") ;;
    esac
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    if [ -e "$record" ]; then
      topoc_run rm -f "$record"
    fi
    return 0
  fi
  if [ "$topoc_dry_run" = 1 ]; then
    topoc_log "would add kernel arguments ${missing[*]} with grubby, then stop for a reboot"
    return 0
  fi
  grubby --update-kernel=ALL --args="${missing[*]}"
  mkdir -p "$(dirname "$record")"
  tmp=$(mktemp "$record.XXXXXX")
  printf '%s\n' "${missing[*]}" >"$tmp"
  mv -f "$tmp" "$record"
  topoc_log "added kernel arguments ${missing[*]}: reboot this host, then run this script again"
  exit 3
}

topoc_sysctl() {
  if [ "$(sysctl -n "$1" 2>/dev/null || true)" = "$2" ]; then
    return 0
  fi
  topoc_run sysctl -w "$1=$2"
}

# topoc_iptables TABLE CHAIN RULE...: appends the rule unless iptables -C finds it.
topoc_iptables() {
  local table=$1 chain=$2
  shift 2
  if iptables -t "$table" -C "$chain" "$@" >/dev/null 2>&1; then
    return 0
  fi
  topoc_run iptables -t "$table" -A "$chain" "$@"
}

topoc_daemon_reload() {
  if [ "$topoc_changed" = 1 ]; then
    topoc_run systemctl daemon-reload
  fi
}

# Enables and starts a unit; restarts it when this step changed one of its files.
topoc_enable_service() {
  if ! systemctl is-enabled --quiet "$1" 2>/dev/null; then
    topoc_run systemctl enable "$1"
  fi
  if ! systemctl is-active --quiet "$1" 2>/dev/null; then
    topoc_run systemctl start "$1"
  elif [ "$topoc_changed" = 1 ]; then
    topoc_run systemctl restart "$1"
  fi
}

# topoc_entry PHASE STEP LABEL FUNCTION: lists the step, or runs it when its
# phase is selected.
topoc_entry() {
  if [ "$topoc_list" = 1 ]; then
    printf '%s\t%s/%s\t%s\n' "$1" "$TOPOC_HOST" "$2" "$3"
    return 0
  fi
  if [ -n "$topoc_only_phase" ] && [ "$1" != "$topoc_only_phase" ]; then
    return 0
  fi
  topoc_step=$2
  topoc_changed=0
  topoc_log "phase $1: $3"
  "$4"
}

"""#

    /// `topoc_install_packages PACKAGE...` for one distribution: installs
    /// only the packages its package database does not list.
    static func packages(_ os: OperatingSystem) -> String {
        let query: String, install: String
        switch os {
        case .centos7, .rocky9:
            query = "rpm -q \"$p\" >/dev/null 2>&1"
            install = "  topoc_run \(os.packageManager) -y install \"${missing[@]}\"\n"
        case .ubuntu1604, .ubuntu2204:
            query = "dpkg -s \"$p\" >/dev/null 2>&1"
            install = "  topoc_run apt-get update\n"
                + "  topoc_run env DEBIAN_FRONTEND=noninteractive apt-get install -y \"${missing[@]}\"\n"
        }
        return "topoc_install_packages() {\n"
            + "  local p missing=()\n"
            + "  for p in \"$@\"; do\n"
            + "    if ! \(query); then\n"
            + "      missing+=(\"$p\")\n"
            + "    fi\n"
            + "  done\n"
            + "  if [ \"${#missing[@]}\" -eq 0 ]; then\n"
            + "    return 0\n"
            + "  fi\n"
            + install
            + "}\n\n"
    }
}
