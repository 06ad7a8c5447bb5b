using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Desk;

/// <summary>The words of the supervisor's desk: steps, levels and lights as a 台账 prints them.</summary>
public static class DeskNames
{
    public static string Of(DeskStep step) => step switch
    {
        DeskStep.Pending => "未签收",
        DeskStep.Acknowledged => "已签收",
        DeskStep.InProgress => "办理中",
        DeskStep.Reported => "已反馈",
        DeskStep.Closed => "已办结",
        DeskStep.Returned => "退回",
        _ => step.ToString(),
    };

    /// <summary>The step a supervisor reads for an item: 退回 for a returned item, otherwise its status.</summary>
    public static DeskStep StepOf(ItemProgress item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsReturned ? DeskStep.Returned : (DeskStep)(int)item.Status;
    }

    /// <summary>Reads a step from its Chinese word (未签收 …) or its JSON name (pending, returned …).</summary>
    public static bool TryParseStep(string? text, out DeskStep step)
    {
        step = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<DeskStep>())
        {
            if (Of(candidate) == text.Trim() || string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                step = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Of(BodyLevel level) => level switch
    {
        BodyLevel.Nation => "国家",
        BodyLevel.Province => "省级",
        BodyLevel.Prefecture => "地级",
        BodyLevel.County => "县级",
        BodyLevel.Township => "乡级",
        BodyLevel.Village => "村级",
        BodyLevel.Department => "部门",
        _ => level.ToString(),
    };

    /// <summary>Lights in words (for print and spreadsheets, where a colour alone says nothing).</summary>
    public static string Of(ProgressLight light) => light switch
    {
        ProgressLight.Red => "红灯（逾期）",
        ProgressLight.Yellow => "黄灯（临期）",
        _ => "绿灯（正常）",
    };
}
