namespace LessData;

/// <summary>
/// A problem the user can fix (bad setting, bad file, missing data). The CLI prints its message as one line
/// and exits non-zero, without a stack trace. <see cref="Parameter"/>, when set, names the setting in library words
/// (e.g. "outputFolder"); the CLI puts its own flag name in front of the message.
/// </summary>
public sealed class UserError(string message, Exception? inner = null, string? parameter = null) : Exception(message, inner)
{
    /// <summary>The setting the error is about, in library words (see <see cref="Parameters"/>); null when none.</summary>
    public string? Parameter { get; } = parameter;
}
