import Foundation
import TestSupport
import Testing
@testable import Emitters

@Suite struct ScriptWorkstationTests {
    @Test func onlyWithECS() throws {
        let (t, p) = try ScriptFixtures.seed("flannel-userns.yaml")
        #expect(WorkstationScript.render(p, topology: t) == nil)
    }

    @Test func refusesToRunWithoutCredentialsAndNeverHandlesThem() throws {
        let (t, p) = try ScriptFixtures.seed("ecs-demo.yaml")
        let text = try #require(WorkstationScript.render(p, topology: t))
        #expect(!text.contains("configure profile"))
        let work = try Scratch.directory("script")
        defer { Scratch.remove(work) }
        let (bin, log) = try ScriptSetupTests.stubs(in: work, succeeding: ["ecs-cli"])
        let script = work.appendingPathComponent("setup.sh")
        try text.write(to: script, atomically: true, encoding: .utf8)
        var env = ScriptSetupTests.environment(root: work, bin: bin)

        let refused = try Subprocess.run(["bash", script.path], environment: env, replaceEnvironment: true)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
        #expect(!FileManager.default.fileExists(atPath: log.path))

        let list = try Subprocess.run(["bash", script.path, "--list"], environment: env, replaceEnvironment: true)
        #expect(list.stdout == """
        1\tworkstation/ecs-cli-configure\tconfigure ecs-cli
        2\tworkstation/agents-registered\tall ECS agents registered
        4\tworkstation/compose-up\tecs-cli compose up
        4\tworkstation/register-task-definition\tregister task definition

        """)

        // With a profile, phase 1 configures ecs-cli without any key on its command line.
        env["AWS_PROFILE"] = "demo"
        let configure = try Subprocess.run(["bash", script.path, "--phase", "1"], environment: env, replaceEnvironment: true)
        #expect(configure.status == 0, "\(configure.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8)
            == "ecs-cli configure --cluster ecs-demo --region us-west-1 --default-launch-type EC2 --config-name ecs-demo\n")

        // Phase 4: compose up from the script's directory, or the task definition instead.
        let up = try Subprocess.run(["bash", script.path, "--phase", "4"], environment: env, replaceEnvironment: true)
        #expect(up.status == 0)
        #expect(try String(contentsOf: log, encoding: .utf8).hasSuffix(
            "ecs-cli compose --file ../ecs/docker-compose.yml --ecs-params ../ecs/ecs-params.yml --project-name px-ecs-demo --cluster-config ecs-demo up\n"))
        let register = try Subprocess.run(["bash", script.path, "--phase", "4", "--register-task-definition"], environment: env, replaceEnvironment: true)
        #expect(register.stdout.contains("compose-up: skipped"))
        #expect(try String(contentsOf: log, encoding: .utf8).hasSuffix(
            "aws ecs register-task-definition --region us-west-1 --cli-input-json file://../ecs/task-definition.json\n"))
    }
}
