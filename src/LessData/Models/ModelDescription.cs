using LessData.Augmentation;

namespace LessData.Models;

/// <summary>
/// model.json: what a saved model is and how to feed it. Stored images are Channels x Height x Width bytes (after the
/// folder loader's resize and channel conversion); the run's test-time pipeline turns them into the model's input
/// (InputChannels x InputHeight x InputWidth); Normalization, when present, standardises that input per channel.
/// Classes are by output index. EvaluatedWeights says whether the weights are the EMA average or the trained ones.
/// </summary>
internal sealed record ModelDescription(
    string Model,
    string Dataset,
    IReadOnlyList<string> Classes,
    int Channels,
    int Height,
    int Width,
    string Pipeline,
    ChannelNormalization? Normalization,
    int InputChannels,
    int InputHeight,
    int InputWidth,
    string EvaluatedWeights,
    long Parameters,
    IReadOnlyDictionary<string, string> Files);
