using System.Collections.Immutable;
using System.Text.Json;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization.Samples;

/// <summary>
/// The sample cascade from the five real documents (samples/cascade): the plans published from
/// documents (山西省 2021 and 2022, 江苏省生态环境厅) and the lower bodies' documents recorded as
/// changes against the province plan (吕梁市 as is, 孝义市, 山西省生态环境厅). A server seeds its
/// first start from it: add <see cref="Departments"/>, publish <see cref="Plans"/>, then apply
/// <see cref="Localizations"/> in order (each one's parent comes before it).
/// </summary>
public sealed record SampleCascade(
    ImmutableArray<SampleDepartment> Departments,
    ImmutableArray<SamplePlan> Plans,
    ImmutableArray<SampleLocalization> Localizations)
{
    private const string ResourcePrefix = "samples/";

    /// <summary>The copy built into this assembly, so a server needs no samples folder.</summary>
    public static SampleCascade LoadEmbedded() => Load(ReadEmbedded);

    /// <summary>Reads the samples folder (the one holding cascade/ and documents/).</summary>
    public static SampleCascade Load(string samplesDirectory) =>
        Load(relative => File.ReadAllText(Path.Combine(samplesDirectory, relative)));

    private static SampleCascade Load(Func<string, string> read)
    {
        var index = ReadJson<SampleCascadeFiles.Index>(read, "cascade/cascade.json");
        var plans = index.Plans.Select(p => new SamplePlan(p.BodyId, p.Year, p.Document, read("documents/" + p.Document)));
        var localizations = index.Localizations.Select(entry =>
        {
            var file = ReadJson<SampleCascadeFiles.LocalizationFile>(read, "cascade/" + entry.File);
            if (file.Body != entry.BodyId || file.Year != entry.Year)
            {
                throw new InvalidDataException($"样例文件 cascade/{entry.File} 记录的是{file.Body}的{file.Year}年计划，而 cascade.json 说是{entry.BodyId}的{entry.Year}年");
            }

            return new SampleLocalization(file.Body, file.BodyName, file.Year, file.Document, file.Localization, file.Items);
        });
        return new SampleCascade(index.Departments, [.. plans], [.. localizations]);
    }

    /// <summary>
    /// Publishes the whole sample cascade in memory: every root plan parsed from its document, every
    /// localization materialized over its parent's plan (each published as version 1).
    /// </summary>
    /// <param name="parse">The document parser; <see cref="PlanParser.Parse"/> when null.</param>
    public ImmutableArray<SamplePublication> PublishAll(Func<string, PlanDocument>? parse = null)
    {
        parse ??= PlanParser.Parse;
        var published = new Dictionary<(string, int), PublishedPlan>();
        var result = ImmutableArray.CreateBuilder<SamplePublication>();
        foreach (var sample in Plans)
        {
            var plan = PublishedPlan.FromDocument(sample.BodyId, parse(sample.Text));
            if (plan.Year != sample.Year)
            {
                throw new InvalidDataException($"样例文档 {sample.Document} 解析出的年份是{plan.Year}，而 cascade.json 说是{sample.Year}");
            }

            published[(sample.BodyId, sample.Year)] = plan;
            result.Add(new SamplePublication(sample.BodyId, plan, null, null));
        }

        foreach (var sample in Localizations)
        {
            var localization = sample.Localization;
            if (!published.TryGetValue((localization.ParentBodyId, localization.ParentYear), out var parent))
            {
                throw new InvalidDataException($"样例中{sample.BodyId}的上级{localization.ParentBodyId}没有{localization.ParentYear}年计划");
            }

            var effective = PlanMaterializer.Materialize(parent, localization, sample.BodyId);
            var plan = effective.ToPublishedPlan(1);
            published[(sample.BodyId, sample.Year)] = plan;
            result.Add(new SamplePublication(sample.BodyId, plan, localization, effective));
        }

        return result.ToImmutable();
    }

    private static T ReadJson<T>(Func<string, string> read, string relative)
    {
        try
        {
            return LocalizationJson.Deserialize<T>(read(relative));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"样例文件 {relative} 格式错误：{e.Message}", e);
        }
    }

    private static string ReadEmbedded(string relative)
    {
        var name = ResourcePrefix + relative;
        using var stream = typeof(SampleCascade).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"程序集中没有内嵌的样例文件 {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
