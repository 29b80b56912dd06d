namespace LessData;

/// <summary>
/// A typed recipe value (model, optimizer, LR schedule, …) parsed once from its text form. <see cref="Parse"/> validates
/// and throws a <see cref="UserError"/> naming the setting; <see cref="object.ToString"/> prints the canonical text back,
/// which is what run.json and the run store hold (<see cref="SpecJsonConverter{T}"/>).
/// </summary>
internal interface ISpec<TSelf> where TSelf : ISpec<TSelf>
{
    /// <summary>The typed value of <paramref name="text"/>; a user error for text that names nothing valid.</summary>
    static abstract TSelf Parse(string text);
}
