import Foundation
import TestSupport

/// Python helpers run with `Tool.python` (scripts/test's venv: botocore, PyYAML).
enum Python {
    /// Runs a Python program given as text with arguments; stdout is its answer.
    static func run(_ program: String, _ arguments: [String], stdin: String = "") throws -> Subprocess.Result {
        let dir = try Scratch.directory("py")
        defer { Scratch.remove(dir) }
        let url = dir.appendingPathComponent("main.py")
        try Scratch.write(program, to: url)
        return try Subprocess.run([Tool.python, url.path] + arguments, stdin: stdin)
    }

    /// Parses YAML text with PyYAML's safe loader and returns it as JSON data.
    static func yamlAsJSON(_ text: String) throws -> Any {
        let result = try run("import sys, json, yaml\njson.dump(yaml.safe_load(sys.stdin.read()), sys.stdout)\n", [], stdin: text)
        guard result.status == 0 else { throw ConformanceError.failed("PyYAML: \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: .fragmentsAllowed)
    }

    /// Parses JSON with Python's json module and gives it back as JSON.
    static func jsonRoundTrip(_ text: String) throws -> Any {
        let result = try run("import sys, json\njson.dump(json.loads(sys.stdin.read()), sys.stdout)\n", [], stdin: text)
        guard result.status == 0 else { throw ConformanceError.failed("json.loads: \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: .fragmentsAllowed)
    }

    /// Validates a RegisterTaskDefinition request against botocore's ECS model,
    /// then checks every string whose shape has an enum (botocore's validator
    /// leaves enums unchecked: networkMode, protocol, scope, ...). Prints each
    /// problem on a line; exit status 0 when there is none.
    static let validateTaskDefinition = #"""
import json, sys
import botocore.session
from botocore.validate import validate_parameters
from botocore.exceptions import ParamValidationError

model = botocore.session.get_session().get_service_model("ecs")
shape = model.operation_model("RegisterTaskDefinition").input_shape
params = json.load(open(sys.argv[1]))
problems = []
try:
    validate_parameters(params, shape)
except ParamValidationError as e:
    problems.append(str(e))

def walk(value, shape, path):
    if shape.type_name == "structure" and isinstance(value, dict):
        for k, v in value.items():
            if k in shape.members: walk(v, shape.members[k], path + "." + k)
    elif shape.type_name == "list" and isinstance(value, list):
        for i, v in enumerate(value): walk(v, shape.member, "%s[%d]" % (path, i))
    elif shape.type_name == "map" and isinstance(value, dict):
        for k, v in value.items(): walk(v, shape.value, path + "." + k)
    elif shape.type_name == "string" and getattr(shape, "enum", None):
        if value not in shape.enum:
            problems.append("%s: %r is not one of %s" % (path, value, shape.enum))

walk(params, shape, "")
for p in problems: print(p)
sys.exit(1 if problems else 0)
"""#
}
