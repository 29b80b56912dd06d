namespace LessData.Experiments;

/// <summary>Training-split sizes of the catalog datasets, for a dry run's expected evaluations without loading data.</summary>
public static class DatasetSizes
{
    public static int Train(string dataset, int? limit) => limit ?? dataset switch
    {
        "mnist" or "fashion-mnist" => 60_000,
        "cifar10" => 50_000,
        "smallnorb" => 24_300,
        _ => throw new UserError($"unknown dataset '{dataset}'"),
    };
}
