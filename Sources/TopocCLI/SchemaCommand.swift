import Model

/// `topoc schema`: the JSON Schema of the language.
enum SchemaCommand {
    static func run(_ context: CommandContext) -> Int32 {
        context.console.out(JSONSchemaGenerator.render())
        return 0
    }
}
