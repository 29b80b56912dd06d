namespace LessData;

/// <summary>
/// A problem the user can fix (bad flag, bad file, missing data). The CLI prints its message as one line
/// and exits non-zero, without a stack trace.
/// </summary>
public sealed class UserError(string message, Exception? inner = null) : Exception(message, inner);
