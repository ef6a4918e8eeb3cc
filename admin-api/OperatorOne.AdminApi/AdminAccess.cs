using Microsoft.AspNetCore.Http;
using OperatorOne.Data.Members;

namespace OperatorOne.AdminApi;

/// <summary>Endpoint metadata: the least role a caller needs. Without it, reads need Viewer and writes Admin.</summary>
internal sealed record AdminAccess(MemberRole Role)
{
    public static MemberRole RequiredFor(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<AdminAccess>()?.Role
        ?? (HttpMethods.IsGet(http.Request.Method) ? MemberRole.Viewer : MemberRole.Admin);
}
