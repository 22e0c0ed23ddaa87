namespace Portal.Web.Services;

public enum AssessmentState { Draft, Running, Stopped }

public sealed class AssessmentService
{
    private readonly ILogger<AssessmentService> _log;
    public AssessmentService(ILogger<AssessmentService> log) => _log = log;

    public AssessmentState StopAssessment(Guid id)
    {
        _log.LogInformation("Stopping assessment {Id}", id);
        return AssessmentState.Stopped;
    }

    public string PassThroughToken(string token) => token;

    public bool Bypass(string passcode) => passcode.Length == 6 && passcode.All(char.IsDigit);
}
