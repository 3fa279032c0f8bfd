# One image for every app; APP chooses which one a container runs (docker-compose.yml sets it per service).
#   docker build -t giftflow . && docker run -e APP=inventory -e DATABASE_URL=… -e KAFKA_BROKERS=… giftflow

# Build stage: all dependencies, compile to dist/, then drop the dev dependencies.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Run stage: the built tree as is (so any static files an app serves from its folder come along).
FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app ./
# tsconfig-paths reads the @giftflow/* aliases from tsconfig.json; TS_NODE_BASEURL points them into dist/.
ENV TS_NODE_BASEURL=./dist
ENV APP=donors
# Where docker-compose shares the development token keys and the generated admin password (docs/security.md).
RUN mkdir -p /var/lib/giftflow && chown node:node /var/lib/giftflow
USER node
# exec: node becomes PID 1 and receives `docker stop`'s SIGTERM itself, so in-flight work finishes cleanly.
CMD ["sh", "-c", "exec node -r tsconfig-paths/register dist/apps/$APP/src/main.js"]
