import Planner

/// `ansible/site.yml`: rolls the plan out over the fleet with each host's own
/// setup.sh, one play per phase of plan.json. A play runs its phase on all of
/// its hosts in parallel (the default linear strategy, no `serial`), and the
/// next play starts only when every host finished: so every cross-host
/// dependency, which always points to an earlier phase, is met before its
/// dependants run. `any_errors_fatal` stops the rollout at the first failure,
/// because a later phase on another host may wait for the failed step.
public enum AnsiblePlaybook {
    public static func render(_ plan: Plan) -> String {
        let phases = hostsByPhase(plan)
        var out = GeneratedHeader.lines(spec: plan.name, comment: "#")
        out += "# Rolls out plan \(GeneratedHeader.commentText(plan.name)) phase by phase: every play runs `setup.sh --phase N` on the\n"
        out += "# hosts with steps in phase N, in parallel"
        out += plan.hosts.contains(Plan.workstation) ? "; the workstation's steps run on localhost.\n" : ".\n"
        out += "# Exit status 3 (a reboot is needed) reboots the host and runs the phase again.\n"
        out += "# Run from this directory: ansible-playbook -i inventory.yml site.yml [--tags phaseN]\n"
        let hostsWithSteps = plan.hosts.filter { $0 != Plan.workstation && !plan.steps(on: $0).isEmpty }
        if !hostsWithSteps.isEmpty {
            out += "- name: copy each host's setup.sh\n"
            out += "  hosts:\n"
            for h in hostsWithSteps { out += "    - \(YAMLQuoting.scalar(h))\n" }
            out += copyTasks
        }
        for (phase, hosts) in phases {
            out += "\n- name: \"phase \(phase) of \(phases.count)\"\n"
            out += "  hosts:\n"
            for h in hosts {
                out += "    - \(YAMLQuoting.scalar(h == Plan.workstation ? AnsibleInventory.workstationHost : h))\n"
            }
            out += "  gather_facts: false\n"
            out += "  any_errors_fatal: true\n"
            out += "  tags: [phase\(phase)]\n"
            out += "  vars:\n"
            out += "    topoc_phase: \(phase)\n"
            out += phaseTasks
        }
        if phases.isEmpty {
            // ansible-playbook refuses an empty playbook; say there is nothing to do.
            out += "- name: nothing to roll out\n"
            out += "  hosts: localhost\n"
            out += "  gather_facts: false\n"
            out += "  tasks:\n"
            out += "    - name: the plan has no steps\n"
            out += "      ansible.builtin.debug:\n"
            out += "        msg: plan \(YAMLQuoting.quote(plan.name)) has no steps\n"
        }
        return out
    }

    /// The copy play's settings and tasks. Tagged `always`, so a run limited to
    /// some phases (`--tags phase4`) still brings every script up to date.
    static let copyTasks = """
      gather_facts: false
      tags: [always]
      tasks:
        - name: make the directory of setup.sh
          ansible.builtin.file:
            path: "{{ topoc_setup_sh | dirname }}"
            state: directory
            mode: "0755"
        - name: copy setup.sh
          ansible.builtin.copy:
            src: "{{ playbook_dir }}/../hosts/{{ inventory_hostname }}/setup.sh"
            dest: "{{ topoc_setup_sh }}"
            mode: "0755"

    """

    /// The same tasks in every phase's play; the phase comes from `topoc_phase`.
    /// Only a spec host may ask for a reboot: on the workstation (the operator's
    /// own machine) exit status 3 is a failure, never a reboot.
    static let phaseTasks = """
      tasks:
        - name: run setup.sh --phase {{ topoc_phase }}
          ansible.builtin.command:
            argv: ["{{ topoc_setup_sh }}", "--phase", "{{ topoc_phase }}"]
          register: topoc_result
          failed_when: topoc_result.rc != 0 and (topoc_result.rc != 3 or 'topoc_workstation' in group_names)
        - name: reboot (setup.sh exited 3)
          ansible.builtin.reboot:
            msg: "topoc: rebooting for new kernel arguments"
            reboot_timeout: 1800
          when: topoc_result.rc == 3
        - name: run setup.sh --phase {{ topoc_phase }} again after the reboot
          ansible.builtin.command:
            argv: ["{{ topoc_setup_sh }}", "--phase", "{{ topoc_phase }}"]
          when: topoc_result.rc == 3

    """

    /// Each phase with the hosts that have steps in it, in plan order. Steps are
    /// sorted by phase and then host, so one pass over them suffices.
    public static func hostsByPhase(_ plan: Plan) -> [(phase: Int, hosts: [String])] {
        var out: [(phase: Int, hosts: [String])] = []
        for step in plan.steps {
            if out.last?.phase != step.phase { out.append((step.phase, [])) }
            if out[out.count - 1].hosts.last != step.host { out[out.count - 1].hosts.append(step.host) }
        }
        return out
    }
}
