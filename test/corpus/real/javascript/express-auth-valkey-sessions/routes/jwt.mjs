import { Router } from "express";
import jwt from "jsonwebtoken";
import { Resend } from "resend";
import bcrypt from "bcrypt";
import { eq } from "drizzle-orm";
import z from "zod";

import db from "../db/index.mjs";
import { usersTable } from "../db/schema/user.mjs";

import { authDto } from "../dtos/auth.dto.mjs";
import { castDaysToMilliseconds, castDaysToSeconds } from "../utils/date.mjs";
import { valkeyClient } from "../config/valkey.mjs";

export const jwtRouter = Router();

const {
  APP_URL,
  NODE_ENV,
  JWT_ACCESS_SECRET,
  JWT_ACCESS_EXPIRES_IN,
  JWT_REFRESH_SECRET,
  JWT_REFRESH_EXPIRES_IN,
  RESEND_API_KEY,
  RESEND_FROM_ADDRESS,
  FRONT_END_URL,
} = process.env;

const resend = new Resend(RESEND_API_KEY);

function makeToken(payload, secret, expiresIn) {
  const accessToken = jwt.sign(payload, secret, {
    expiresIn: expiresIn,
  });

  return accessToken;
}

function makeAccessToken(payload) {
  return makeToken(payload, JWT_ACCESS_SECRET, JWT_ACCESS_EXPIRES_IN);
}

function makeRefreshToken() {
  return makeToken({}, JWT_REFRESH_SECRET, JWT_REFRESH_EXPIRES_IN);
}

async function sendVerifyEmail(urlId, email) {
  const resend = new Resend(RESEND_API_KEY);

  return await resend.emails.send({
    from: `Wildin <${RESEND_FROM_ADDRESS}>`,
    to: [email],
    subject: "Verify your account",
    html: `
            <p>Click the link to verify your account</p>
            <a href="${APP_URL}auth/verify-account/${urlId}">Verify Account</a>
        `,
    replyTo: "onboarding@resend.dev",
  });
}

jwtRouter.post("/login", async (req, res, next) => {
  if (req?.cookies?.refreshToken) {
    return refresh(req, res, next);
  }

  try {
    var { email } = await authDto.login.parseAsync(req.body);
  } catch (error) {
    error.statusCode = 400;
    return next(error);
  }

  const results = await db
    .select()
    .from(usersTable)
    .where(eq(usersTable.email, email));

  if (!results.length) return next("No user found with that email");

  const user = results[0];

  const accessToken = makeAccessToken({
    id: user.id,
    email: user.email,
  });
  const refreshToken = makeRefreshToken();

  const sessionValues = {
    userId: user.id,
    refreshToken,
    ipAddress: req.ip,
    userAgent: req.headers["user-agent"],
  };

  var result = await valkeyClient.set(
    `session:${sessionValues["refreshToken"]}`,
    JSON.stringify(sessionValues),
    "EX",
    castDaysToSeconds(7),
  );
  if (result !== "OK") throw new Error("Issue with Valkey");

  res
    .cookie("refreshToken", refreshToken, {
      httpOnly: true,
      secure: NODE_ENV === "production",
      maxAge: castDaysToMilliseconds(7),
    })
    .json({ accessToken: accessToken });
});

jwtRouter.post("/logout", async (req, res, next) => {
  const token = req.cookies.refreshToken;

  if (!token) {
    const error = new Error("Missing refresh token");
    error.statusCode = 400;
    return next(error);
  }

  await valkeyClient.del(`session:${token}`);

  res.clearCookie("refreshToken", {
    httpOnly: true,
    secure: NODE_ENV === "production",
    maxAge: castDaysToMilliseconds(7),
  });

  res.json({ message: "Logged out successfully" });
