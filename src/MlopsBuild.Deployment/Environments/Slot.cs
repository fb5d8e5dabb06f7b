namespace MlopsBuild.Deployment.Environments;

/// <summary>One of an environment's two model-server places: a deploy starts the new version in the slot not serving.</summary>
public enum Slot
{
    Blue,
    Green,
}

public static class Slots
{
    public static Slot Other(this Slot slot) => slot == Slot.Blue ? Slot.Green : Slot.Blue;

    /// <summary>"blue" or "green", as container names and labels spell it.</summary>
    public static string Name(this Slot slot) => slot == Slot.Blue ? "blue" : "green";
}
