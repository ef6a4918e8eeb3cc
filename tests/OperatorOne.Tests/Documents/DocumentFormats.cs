namespace OperatorOne.Tests.Documents;

internal static class DocumentFormats
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
