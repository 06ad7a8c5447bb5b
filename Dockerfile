# GovOpenness server image: the web host with its co-hosted Orleans silo and the viewer.
#   docker build -t govopenness-server .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The viewer (src/GovOpenness.Server/ClientApp) is compiled by npm and TypeScript during the publish.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/GovOpenness.Server/GovOpenness.Server.csproj -c Release -o /app \
    && test -f /app/wwwroot/dist/main.js

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Runs as the image's non-root user "app" ($APP_UID); the SQLite folder (when no PostgreSQL is set) is its own.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    GovOpenness__DataDirectory=/data
VOLUME /data
EXPOSE 8080 11111 30000
# /health/ready: joined the cluster and answering grain calls (curl is not in the image; the
# orchestrator or load balancer probes it over HTTP).
ENTRYPOINT ["dotnet", "GovOpenness.Server.dll"]
