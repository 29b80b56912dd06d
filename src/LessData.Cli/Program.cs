using LessData.Native;
TorchRuntime.EnsureLoaded();
Console.WriteLine("ok");
