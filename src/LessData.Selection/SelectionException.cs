namespace LessData.Selection;

/// <summary>
/// A selection stage that cannot be built as asked: a malformed spec, an out-of-range value or an impossible
/// combination. Thrown when the stage is created, never mid-run. <see cref="Parameter"/> names the parameter in the
/// library's words ("schedule", "selector", "targetFraction", "epochs", …) so an application can map it to its own flag.
/// </summary>
public sealed class SelectionException : Exception
{
    /// <summary>Creates the exception for one parameter.</summary>
    public SelectionException(string parameter, string message) : base(message) => Parameter = parameter;

    /// <summary>The parameter at fault, in the library's words.</summary>
    public string Parameter { get; }
}
