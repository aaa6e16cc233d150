extension Plan {
    /// The workstation's two ways to start the ECS services: `compose-up` by
    /// default, `register-task-definition` (aws ecs, as ecs-cli is archived)
    /// when the operator asks for it. The workstation script runs one of them.
    public static let composeUpStep = "compose-up"
    public static let registerTaskDefinitionStep = "register-task-definition"
}
