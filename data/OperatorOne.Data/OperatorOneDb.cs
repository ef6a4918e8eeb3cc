using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.ApiKeys;
using OperatorOne.Data.Calendar;
using OperatorOne.Data.Approvals;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Conversations;
using OperatorOne.Data.Crm;
using OperatorOne.Data.Documents;
using OperatorOne.Data.Integrations;
using OperatorOne.Data.Email;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;
using OperatorOne.Data.Outbox;
using OperatorOne.Data.Recognition;
using OperatorOne.Data.ServiceDesk;
using OperatorOne.Data.Tenancy;
using OperatorOne.Data.Tickets;
using OperatorOne.Data.Voice;
using OperatorOne.Data.WebChat;
using OperatorOne.Data.Work;

namespace OperatorOne.Data;

/// <summary>
/// The one store. Every business table is filtered by PostgreSQL row-level security on
/// <c>app.organization_id</c>, which <see cref="OrganizationConnectionInterceptor"/> sets from <see cref="Scope"/>.
/// </summary>
public sealed class OperatorOneDb(DbContextOptions<OperatorOneDb> options, OrganizationScope scope) : DbContext(options)
{
    public OrganizationScope Scope { get; } = scope;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ChannelInstallation> ChannelInstallations => Set<ChannelInstallation>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<TranscriptMessage> TranscriptMessages => Set<TranscriptMessage>();
    public DbSet<ProcessedDelivery> ProcessedDeliveries => Set<ProcessedDelivery>();
    public DbSet<AcceptedTurn> AcceptedTurns => Set<AcceptedTurn>();
    public DbSet<Replica> Replicas => Set<Replica>();
    public DbSet<PeriodicJob> PeriodicJobs => Set<PeriodicJob>();
    public DbSet<DialogState> DialogStates => Set<DialogState>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();
    public DbSet<ApprovalCardCopy> ApprovalCardCopies => Set<ApprovalCardCopy>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<SupportQueue> SupportQueues => Set<SupportQueue>();
    public DbSet<QueueMember> QueueMembers => Set<QueueMember>();
    public DbSet<TicketCategory> TicketCategories => Set<TicketCategory>();
    public DbSet<PriorityRule> PriorityRules => Set<PriorityRule>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<BusinessHours> BusinessHours => Set<BusinessHours>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<TicketSla> TicketSlas => Set<TicketSla>();
    public DbSet<SlaNotice> SlaNotices => Set<SlaNotice>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<CrmActivity> CrmActivities => Set<CrmActivity>();
    public DbSet<DirectLineConversation> DirectLineConversations => Set<DirectLineConversation>();
    public DbSet<DirectLineActivity> DirectLineActivities => Set<DirectLineActivity>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<EventCalendar> Calendars => Set<EventCalendar>();
    public DbSet<CalendarMember> CalendarMembers => Set<CalendarMember>();
    public DbSet<CalendarEvent> CalendarEvents => Set<CalendarEvent>();
    public DbSet<EventAttendee> EventAttendees => Set<EventAttendee>();
    public DbSet<EventReminder> EventReminders => Set<EventReminder>();
    public DbSet<MemberWorkingHours> WorkingHours => Set<MemberWorkingHours>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<VoicePin> VoicePins => Set<VoicePin>();
    public DbSet<VoiceCall> VoiceCalls => Set<VoiceCall>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<RecognitionMiss> RecognitionMisses => Set<RecognitionMiss>();
    public DbSet<CustomTool> CustomTools => Set<CustomTool>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<EmailReceipt> EmailReceipts => Set<EmailReceipt>();
    public DbSet<EmailThread> EmailThreads => Set<EmailThread>();

    /// <summary>Switches this context (and its open connection, if any) to one organization.</summary>
    public async Task UseOrganizationAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        Scope.Enter(organizationId);
        await ApplyScopeAsync(cancellationToken);
    }

    /// <summary>
    /// Records that the open connection already names this organization (and no member): the statement that found the
    /// organization wrote both settings itself, so writing them again would be a statement for nothing.
    /// </summary>
    public void EnteredOnConnection(Guid organizationId) => Scope.Enter(organizationId);

    /// <summary>
    /// Records that the open connection already acts for this member: the statement that found them wrote
    /// <c>app.member_id</c> itself.
    /// </summary>
    public void ActingOnConnection(Guid? memberId) => Scope.Act(memberId);

    /// <summary>
    /// Acts for one member of the current organization (or for nobody): policies that depend on who is asking, such
    /// as document visibility, admit that member's rows. Without a member only organization-wide rows are visible.
    /// </summary>
    public async Task UseMemberAsync(Guid? memberId, CancellationToken cancellationToken)
    {
        if (Scope.OrganizationId is null)
        {
            throw new InvalidOperationException("Choose the organization before the member.");
        }
        Scope.Act(memberId);
        await ApplyScopeAsync(cancellationToken);
    }

    private async Task ApplyScopeAsync(CancellationToken cancellationToken)
    {
        var connection = Database.GetDbConnection();
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await OrganizationConnectionInterceptor.ApplyAsync(connection, Scope, cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OperatorOneDb).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
