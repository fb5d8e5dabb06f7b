// The front router: MlopsBuild.Router --port 8080 --admin-port 8081 [--upstream URL --label v3] [--state PATH] (see RouterSettings).
return await MlopsBuild.Router.RouterProgram.RunAsync(args);
