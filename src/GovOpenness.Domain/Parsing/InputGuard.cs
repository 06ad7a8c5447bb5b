using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>Refuses text that cannot be a work plan before any parsing work is spent on it.</summary>
internal static class InputGuard
{
    public static void Check(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            throw new PlanParseException("文件为空：没有可解析的文字。");
        }

        // Checked first and in O(1) so a huge input is refused without being scanned.
        if (text.Length > PlanLimits.MaxDocumentSize)
        {
            throw new PlanParseException(
                $"文件过大：约 {text.Length / (1024.0 * 1024.0):F1} M 个字符，超过 {PlanLimits.MaxDocumentSizeText} 的上限；工作要点通常不超过 100 KB。");
        }

        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (c == '\0')
            {
                throw new PlanParseException($"第 {line} 行含有空字符（NUL）：这像是二进制文件，而不是文字文档。", line);
            }
            else if (c == '\uFFFD')
            {
                throw new PlanParseException($"第 {line} 行含有无法识别的字符：文件不是有效的 UTF-8、UTF-16 或 GB18030 文本。", line);
            }
            else if (char.IsControl(c) && c is not ('\t' or '\r' or '\f' or '\v'))
            {
                throw new PlanParseException($"第 {line} 行含有控制字符 U+{(int)c:X4}：这像是二进制文件，而不是文字文档。", line);
            }
        }
    }
}
