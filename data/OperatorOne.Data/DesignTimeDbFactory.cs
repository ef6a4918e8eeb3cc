using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OperatorOne.Data.Tenancy;

namespace OperatorOne.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the bot; no database is contacted.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<OperatorOneDb>
{
    public OperatorOneDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OperatorOneDb>()
            .UseNpgsql("Host=localhost;Database=operatorone_design")
            .AddInterceptors(OrganizationConnectionInterceptor.Instance)
            .Options;
        return new OperatorOneDb(options, new OrganizationScope());
    }
}
