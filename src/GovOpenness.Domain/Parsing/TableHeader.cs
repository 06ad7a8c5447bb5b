namespace GovOpenness.Domain.Parsing;

/// <summary>Reads a task table's header cells into column roles.</summary>
internal static class TableHeader
{
    private const int MaxHeaderCellLength = 14;

    /// <summary>The role of one header cell, or null when the cell is no header word at all.</summary>
    public static ColumnRole? Classify(string cell)
    {
        var c = DocumentPatterns.Compact(Text.ChineseText.Normalize(cell));
        if (c.Length is 0 or > MaxHeaderCellLength)
        {
            return null;
        }

        if (c is "序号" or "编号" or "序" or "No." or "No")
        {
            return ColumnRole.Number;
        }

        return c switch
        {
            _ when Has(c, "配合", "协办", "参与单位", "协同") => ColumnRole.Support,
            _ when Has(c, "牵头", "责任单位", "责任部门", "责任处室", "责任科室", "承办", "负责单位", "负责部门", "责任主体", "主办", "实施主体") => ColumnRole.Lead,
            _ when Has(c, "时限", "时间", "期限", "进度", "完成日期") => ColumnRole.Deadline,
            _ when Has(c, "类别", "分类", "领域", "板块", "方面", "一级") => ColumnRole.Category,
            _ when Has(c, "任务", "事项", "要点", "项目", "工作名称") => ColumnRole.Task,
            _ when Has(c, "要求", "内容", "措施", "标准", "举措", "细化", "分工") => ColumnRole.Content,
            _ when Has(c, "备注", "说明") => ColumnRole.Other,
            _ => null,
        };
    }

    /// <summary>Roles for a header row, or null when the cells do not make a task table's header.</summary>
    public static List<ColumnRole>? Read(IReadOnlyList<string> cells)
    {
        if (cells.Count < 2)
        {
            return null;
        }

        var roles = new List<ColumnRole>(cells.Count);
        foreach (var cell in cells)
        {
            var role = Classify(cell);
            if (role is null)
            {
                return null;
            }

            roles.Add(role.Value);
        }

        var hasText = roles.Contains(ColumnRole.Task) || roles.Contains(ColumnRole.Content);
        var hasFrame = roles.Contains(ColumnRole.Lead) || roles.Contains(ColumnRole.Deadline) || roles.Contains(ColumnRole.Number);
        return hasText && hasFrame ? roles : null;
    }

    private static bool Has(string cell, params string[] words) => words.Any(w => cell.Contains(w, StringComparison.Ordinal));
}
