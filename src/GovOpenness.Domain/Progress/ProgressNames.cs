namespace GovOpenness.Domain.Progress;

/// <summary>The Chinese words supervisors use for statuses and steps, for messages and the viewer.</summary>
public static class ProgressNames
{
    public static string Of(ItemStatus status) => status switch
    {
        ItemStatus.Pending => "未签收",
        ItemStatus.Acknowledged => "已签收",
        ItemStatus.InProgress => "办理中",
        ItemStatus.Reported => "已反馈",
        ItemStatus.Closed => "已办结",
        _ => status.ToString(),
    };

    public static string Of(ProgressStep step) => step switch
    {
        ProgressStep.Acknowledged => "签收",
        ProgressStep.InProgress => "办理",
        ProgressStep.Reported => "反馈",
        ProgressStep.Accepted => "复核通过",
        ProgressStep.Returned => "复核退回",
        _ => step.ToString(),
    };

    public static string Of(ProgressLight light) => light switch
    {
        ProgressLight.Green => "绿灯",
        ProgressLight.Yellow => "黄灯",
        ProgressLight.Red => "红灯",
        _ => light.ToString(),
    };
}
