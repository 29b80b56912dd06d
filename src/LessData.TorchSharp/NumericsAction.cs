namespace LessData.Torch;

/// <summary>What <see cref="NumericsSelfCheck"/> did.</summary>
public enum NumericsAction
{
    /// <summary>The probe passed; nothing was changed.</summary>
    None,
    /// <summary>The probe failed with oneDNN on; oneDNN was turned off for ATen's operators and the probe ran again.</summary>
    OneDnnDisabled,
    /// <summary>The probe failed and there was nothing to turn off (oneDNN already off, or its switch unreachable).</summary>
    NoRepair,
}
