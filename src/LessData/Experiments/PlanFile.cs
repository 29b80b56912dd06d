using System.Text.Json;
using System.Text.Json.Serialization;
using LessData.Selection;

namespace LessData.Experiments;

/// <summary>
/// A user's plan as JSON: {"cells": [{"id": "S50", "spec": "step:0.5@0.5", "selector": "loss"}, ...]}.
/// Unknown keys are rejected; every spec is parsed before anything runs.
/// </summary>
public static class PlanFile
{
    private sealed record FileShape(List<PlanCell> Cells);

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<PlanCell> Load(string path)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: not a valid plan file ({e.Message}); expected {{\"cells\": [{{\"id\": ..., \"spec\": ...}}]}}");
        }
        if (shape?.Cells is not { Count: > 0 } cells) throw new UserError($"{path}: the plan has no cells");
        foreach (var c in cells)
        {
            if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Spec)) throw new UserError($"{path}: every cell needs an id and a spec");
            try { ScheduleParser.Parse(c.Spec); SelectorParser.Parse(c.Selector); }
            catch (UserError e) { throw new UserError($"{path}: cell {c.Id}: {e.Message}"); }
        }
        var duplicate = cells.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UserError($"{path}: cell id {duplicate.Key} appears twice");
        return SweepPlans.WithBaseline(cells);
    }
}
