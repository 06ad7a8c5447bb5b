namespace GovOpenness.Domain.Progress;

/// <summary>Checks an update's fields before the state machine looks at it; messages in Chinese.</summary>
internal static class ProgressValidation
{
    public const int MaxNoteLength = 2000;
    public const int MaxEvidenceLinks = 20;
    public const int MaxLinkLength = 2000;

    /// <summary>The reason the update is malformed or posted by the wrong body, or null.</summary>
    public static string? Check(ProgressUpdate update, ProgressContext context)
    {
        var item = update.ItemId;
        if (!Enum.IsDefined(update.Step))
        {
            return $"事项“{item}”的进度步骤“{(int)update.Step}”无效：应为 acknowledged、inProgress、reported、accepted 或 returned";
        }

        if (update.Percent is < 0 or > 100)
        {
            return $"事项“{item}”的完成进度 {update.Percent} 无效：须在0到100之间";
        }

        if (update.Note is { Length: > MaxNoteLength })
        {
            return $"事项“{item}”的说明过长（{update.Note.Length}字）：最多{MaxNoteLength}字";
        }

        if (update.Evidence.Length > MaxEvidenceLinks)
        {
            return $"事项“{item}”的印证资料过多（{update.Evidence.Length}条）：最多{MaxEvidenceLinks}条";
        }

        for (var i = 0; i < update.Evidence.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(update.Evidence[i]) || update.Evidence[i].Length > MaxLinkLength)
            {
                return $"事项“{item}”的第{i + 1}条印证资料为空或过长";
            }
        }

        if (update.Step == ProgressStep.Returned && string.IsNullOrWhiteSpace(update.Note))
        {
            return $"退回事项“{item}”须在 note 中说明理由";
        }

        if (!update.IsReview && context.ActorBodyId != context.BodyId)
        {
            return $"事项“{item}”的{ProgressNames.Of(update.Step)}须由本机构“{context.BodyId}”提交，不能由“{context.ActorBodyId}”代为提交";
        }

        return null;
    }
}
