namespace GovOpenness.Server.Apis.Requests;

/// <summary>The Chinese name of a request field, shown beside its JSON path (<c>changes[0].deadline.date（日期）</c>).</summary>
internal static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["year"] = "年度", ["asOf"] = "查询时点", ["title"] = "标题", ["docNumber"] = "文号", ["items"] = "事项", ["id"] = "编号",
        ["heading"] = "标题", ["text"] = "正文", ["deadlines"] = "期限", ["units"] = "责任单位", ["depth"] = "层级",
        ["weight"] = "权重", ["descendantPolicy"] = "下级策略", ["policy"] = "策略", ["deadlineWorkingDaysBefore"] = "提前工作日数",
        ["unitMapping"] = "单位映射", ["changes"] = "调整", ["itemId"] = "事项编号", ["deadline"] = "期限", ["date"] = "日期",
        ["kind"] = "期限类型", ["days"] = "天数", ["deadlineIndex"] = "期限序号", ["approvedException"] = "报批例外",
        ["dropReason"] = "不适用理由", ["added"] = "新增事项", ["afterItemId"] = "插入位置", ["name"] = "名称",
        ["parentId"] = "上级机构编号", ["step"] = "进度步骤", ["percent"] = "完成百分比", ["note"] = "说明",
        ["evidence"] = "佐证材料", ["requestId"] = "请求编号", ["parent"] = "上级工作要点", ["child"] = "下级工作要点",
        ["skip"] = "跳过条数", ["take"] = "每页条数", ["document"] = "本级文件", ["fileName"] = "文件名", ["corrections"] = "配对更正",
        ["childItemId"] = "本级事项编号", ["parentItemId"] = "上级事项编号", ["ifVersion"] = "草稿版本",
    };

    public static string Label(string path)
    {
        var leaf = path.Split('.')[^1];
        var bracket = leaf.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? leaf[..bracket] : leaf;
        return Names.TryGetValue(name, out var chinese) ? $"{path}（{chinese}）" : path;
    }
}
