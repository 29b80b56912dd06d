using System.Text.Json;
using System.Text.Json.Serialization;
using LessData.Selection;
using LessData.Training;

namespace LessData.Sweeps;

/// <summary>
/// A user's plan as JSON: {"recipe": {"model": "resnet20", "lr": 0.1}, "cells": [{"id": "S50", "spec": "step:0.5@0.5",
/// "selector": "loss", "lrClock": "images"}, ...]}. The optional recipe (<see cref="PlanRecipe"/>) applies over the
/// profile; a cell may override the selector, subset, stratify, lrSchedule and lrClock of the sweep's recipe.
/// Unknown keys are rejected; every spec is parsed before anything runs.
/// </summary>
internal static class PlanFile
{
    private sealed record CellShape(string Id, string Spec, string? Selector = null, string? Subset = null, bool? Stratify = null,
        string? LrSchedule = null, string? LrClock = null);

    private sealed record FileShape(List<CellShape> Cells, Dictionary<string, JsonElement>? Recipe = null);

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The plan's cells (with the Baseline) and its recipe (<see cref="PlanRecipe.None"/> when it has none).</summary>
    public static (IReadOnlyList<PlanCell> Cells, PlanRecipe Recipe) Load(string path)
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
        var parsed = new List<PlanCell>();
        foreach (var c in cells)
        {
            if (string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Spec)) throw new UserError($"{path}: every cell needs an id and a spec");
            try
            {
                parsed.Add(new PlanCell(c.Id, Schedules.Parse(c.Spec), c.Selector is null ? null : Selectors.Parse(c.Selector),
                    Schedules.ParsePolicy(c.Subset), c.Stratify,
                    c.LrSchedule is null ? null : LrScheduleKind.Parse(c.LrSchedule), c.LrClock is null ? null : LrClockKind.Parse(c.LrClock)));
            }
            catch (SelectionException e) { throw new UserError($"{path}: cell {c.Id}: {e.Message}"); }
            catch (UserError e) { throw new UserError($"{path}: cell {c.Id}: {e.Message}"); }
        }
        var duplicate = cells.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UserError($"{path}: cell id {duplicate.Key} appears twice");
        return (SweepPlans.WithBaseline(parsed), PlanRecipe.Read(path, shape.Recipe));
    }
}
