namespace OperatorOne.Tests.Documents;

/// <summary>Hand-written documents hidden in the generated corpus, and what people would ask to find each.</summary>
internal static class SearchTargets
{
    public sealed record Target(string Title, string[] Tags, string Text, string Query, string Passage);

    public static IReadOnlyList<Target> All { get; } =
    [
        new("VPN Setup Guide", ["it", "guide"],
            "Install the GlobalConnect client from the software portal. Sign in with your work account and approve the MFA prompt. Choose the nearest gateway; if the connection drops, restart the client before calling the help desk.",
            "the VPN setup guide", "GlobalConnect"),
        new("Refund Policy", ["support", "policy"],
            "Customers may return most products within 30 days. Damaged items: if an item arrives damaged, the customer sends a photo within 7 days and receives a full refund or a free replacement, and we pay return shipping. Opened software is not refundable.",
            "refund policy damaged items", "photo within 7 days"),
        new("Parental Leave Policy", ["hr", "policy"],
            "Every parent gets 16 weeks of paid parental leave after a birth or adoption, which can be split into two blocks within the first year. Tell your manager at least eight weeks before the leave starts.",
            "parental leave weeks", "16 weeks"),
        new("Expense Reimbursement Procedure", ["finance", "procedure"],
            "Submit travel expenses with scanned receipts in the expense tool within 30 days of the trip. Meals are reimbursed up to 60 euros a day; taxis only when public transport is impractical. Payments arrive with the next payroll run.",
            "expense reimbursement travel receipts", "scanned receipts"),
        new("Office Wi-Fi and Printer Setup", ["it", "facilities"],
            "Join the Staff-Secure Wi-Fi network with your laptop credentials; guests use Guest-Lounge with the daily password at reception. To add the third-floor printer, open printer settings and pick FollowMe-Print; release jobs with your badge.",
            "office printer wifi setup", "FollowMe-Print"),
        new("Incident Response Runbook", ["engineering", "runbook"],
            "When an incident is declared, the on-call engineer opens a bridge, assigns an incident commander and sets the severity from SEV1 to SEV4. SEV1 incidents page the CTO and post updates to the status page every 30 minutes.",
            "incident response runbook severity", "SEV1"),
        new("Brand Style Guide", ["marketing", "guide"],
            "Our primary colours are Harbour Blue and Signal Orange. Keep clear space around the logo equal to the height of the O, never stretch or recolour it, and use the Inter typeface for headings and body text.",
            "brand colours logo style guide", "Harbour Blue"),
        new("Onboarding Checklist for New Engineers", ["engineering", "checklist"],
            "Before day one: laptop ordered, accounts created, buddy assigned. Week one: clone the monorepo, run the local stack, ship a small fix to production with your buddy, and read the architecture decision records.",
            "new engineer onboarding checklist", "Before day one"),
        new("Data Retention Schedule", ["legal", "policy"],
            "Customer records are kept for seven years after the contract ends, then anonymised. Support chat transcripts are deleted after 18 months; server logs after 90 days. Litigation holds suspend deletion.",
            "data retention customer records years", "seven years"),
        new("Q3 Sales Results", ["sales", "report"],
            "Revenue for the third quarter reached 4.2 million, 12 percent above plan, driven by renewals in the Nordics. New logos fell short of target in North America; the pipeline for Q4 looks healthy.",
            "q3 sales results revenue", "4.2 million"),
        new("Password Reset Instructions", ["it", "instructions"],
            "Forgot your password? Go to the self-service portal, enter your work email, and confirm the code sent to your phone. New passwords need 14 characters and cannot repeat your last five.",
            "reset password instructions", "self-service portal"),
        new("Kitchen and Fridge Etiquette", ["facilities"],
            "Label your food with your name and date. The fridge is emptied every Friday at 4 pm and anything left is thrown away. Run the dishwasher when it is full and unload it in the morning.",
            "fridge emptied friday", "every Friday"),
    ];
}
