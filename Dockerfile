# GovOpenness server image: the web host with its co-hosted Orleans silo.
#   docker build -t govopenness-server .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The viewer (src/GovOpenness.Server/ClientApp) is compiled by npm and TypeScript during the build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/GovOpenness.Server/GovOpenness.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    GovOpenness__DataDirectory=/data
VOLUME /data
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "GovOpenness.Server.dll"]
